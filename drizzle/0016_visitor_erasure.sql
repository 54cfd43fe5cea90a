ALTER TABLE `daily_rollups` ADD `consented_impressions` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `visitor_days_by_visitor` ON `visitor_days` (`workspace_id`,`visitor_id`);