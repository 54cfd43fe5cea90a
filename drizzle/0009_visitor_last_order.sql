ALTER TABLE `visitors` ADD `last_order_day` text;--> statement-breakpoint
CREATE INDEX `visitors_by_visitor` ON `visitors` (`workspace_id`,`visitor_id`);--> statement-breakpoint
UPDATE `visitors` SET `last_order_day` = (
	SELECT strftime('%Y-%m-%d', max(o.`occurred_at`) / 1000, 'unixepoch') FROM `orders` o
	WHERE o.`workspace_id` = `visitors`.`workspace_id` AND o.`visitor_id` = `visitors`.`visitor_id`
);--> statement-breakpoint
CREATE TABLE `__new_visitor_recency` (
	`workspace_id` text NOT NULL,
	`gallery_id` text NOT NULL,
	`last_seen_day` text NOT NULL,
	`last_engaged_day` text NOT NULL,
	`holdout` integer NOT NULL,
	`last_order_day` text NOT NULL,
	`visitors` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `gallery_id`, `last_seen_day`, `last_engaged_day`, `holdout`, `last_order_day`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_visitor_recency` (`workspace_id`, `gallery_id`, `last_seen_day`, `last_engaged_day`, `holdout`, `last_order_day`, `visitors`)
SELECT `workspace_id`, `gallery_id`, `last_seen_day`, coalesce(`last_engaged_day`, ''), `holdout`, coalesce(`last_order_day`, ''), count(*) FROM `visitors` GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
DROP TABLE `visitor_recency`;--> statement-breakpoint
ALTER TABLE `__new_visitor_recency` RENAME TO `visitor_recency`;
