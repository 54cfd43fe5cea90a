CREATE TABLE `visitors` (
	`workspace_id` text NOT NULL,
	`gallery_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`holdout` integer DEFAULT 0 NOT NULL,
	`last_seen_day` text NOT NULL,
	`last_engaged_day` text,
	PRIMARY KEY(`workspace_id`, `gallery_id`, `visitor_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visitors_recent` ON `visitors` (`workspace_id`,`gallery_id`,`last_seen_day`,`holdout`,`last_engaged_day`,`visitor_id`);