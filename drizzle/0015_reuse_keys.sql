CREATE TABLE `reuse_keys` (
	`workspace_id` text NOT NULL,
	`feed` text NOT NULL,
	`nonce` text NOT NULL,
	`rotated_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `feed`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
