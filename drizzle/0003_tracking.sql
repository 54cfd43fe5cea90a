CREATE TABLE `visitor_days` (
	`workspace_id` text NOT NULL,
	`gallery_id` text NOT NULL,
	`day` text NOT NULL,
	`visitor_id` text NOT NULL,
	`holdout` integer DEFAULT 0 NOT NULL,
	`exposed` integer DEFAULT 0 NOT NULL,
	`engaged` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `gallery_id`, `day`, `visitor_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `events_received`;--> statement-breakpoint
ALTER TABLE `events` ADD `batch_id` text;--> statement-breakpoint
CREATE INDEX `events_ws_received` ON `events` (`workspace_id`,`received_at`);