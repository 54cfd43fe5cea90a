CREATE TABLE `visitor_recency` (
	`workspace_id` text NOT NULL,
	`gallery_id` text NOT NULL,
	`last_seen_day` text NOT NULL,
	`last_engaged_day` text NOT NULL,
	`holdout` integer NOT NULL,
	`visitors` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `gallery_id`, `last_seen_day`, `last_engaged_day`, `holdout`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `visitor_recency` (`workspace_id`, `gallery_id`, `last_seen_day`, `last_engaged_day`, `holdout`, `visitors`)
SELECT `workspace_id`, `gallery_id`, `last_seen_day`, coalesce(`last_engaged_day`, ''), `holdout`, count(*) FROM `visitors` GROUP BY 1, 2, 3, 4, 5;
