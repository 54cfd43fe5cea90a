CREATE TABLE `campaign_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`handle` text NOT NULL,
	`email` text,
	`email_hash` text NOT NULL,
	`language` text NOT NULL,
	`confirm_token_hash` text NOT NULL,
	`manage_token_hash` text NOT NULL,
	`files` text NOT NULL,
	`terms_version_id` text NOT NULL,
	`rules_id` text NOT NULL,
	`ip_hash` text NOT NULL,
	`user_agent` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`confirm_by` integer NOT NULL,
	`confirmed_at` integer,
	`post_id` text,
	`email_erase_at` integer NOT NULL,
	`email_erased_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`terms_version_id`) REFERENCES `terms_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rules_id`) REFERENCES `campaign_rules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_submissions_confirm_token_hash_unique` ON `campaign_submissions` (`confirm_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_submissions_manage_token_hash_unique` ON `campaign_submissions` (`manage_token_hash`);--> statement-breakpoint
CREATE INDEX `campaign_submissions_campaign` ON `campaign_submissions` (`campaign_id`);--> statement-breakpoint
CREATE INDEX `campaign_submissions_post` ON `campaign_submissions` (`post_id`);--> statement-breakpoint
CREATE INDEX `campaign_submissions_unconfirmed` ON `campaign_submissions` (`confirmed_at`,`confirm_by`);--> statement-breakpoint
CREATE INDEX `campaign_submissions_email_erase` ON `campaign_submissions` (`email_erased_at`,`email_erase_at`);
