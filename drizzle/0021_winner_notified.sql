ALTER TABLE `campaign_winners` ADD `notified_at` integer;--> statement-breakpoint
ALTER TABLE `campaign_winners` ADD `notified_by` text REFERENCES users(id);