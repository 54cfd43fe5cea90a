CREATE TABLE `refused_origins` (
	`workspace_id` text NOT NULL,
	`origin` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`times` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`workspace_id`, `origin`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
