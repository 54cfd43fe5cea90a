CREATE TABLE `setup_claims` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`claimed_at` integer NOT NULL,
	CONSTRAINT "setup_claims_single" CHECK("setup_claims"."id" = 1)
);
