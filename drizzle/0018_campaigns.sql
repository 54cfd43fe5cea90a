CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`hashtag` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`prizes` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`winner_count` integer DEFAULT 1 NOT NULL,
	`entries_per_author` integer DEFAULT 1 NOT NULL,
	`draw_at` integer,
	`draw_seed_sealed` text,
	`draw_seed_hash` text,
	`draw_seed` text,
	`drawn_at` integer,
	`draw_entry_ids` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaigns_workspace` ON `campaigns` (`workspace_id`);--> statement-breakpoint
CREATE INDEX `campaigns_draw_due` ON `campaigns` (`drawn_at`,`draw_at`);
--> statement-breakpoint
CREATE TABLE `campaign_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`version` integer NOT NULL,
	`language` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_rules_version_lang` ON `campaign_rules` (`campaign_id`,`version`,`language`);--> statement-breakpoint
CREATE TABLE `campaign_winners` (
	`workspace_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`post_id` text NOT NULL,
	`rank` integer NOT NULL,
	`method` text NOT NULL,
	`picked_by` text,
	`picked_at` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `post_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`picked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- A gallery limited to a campaign shows the posts its hashtag and dates select: a change of
-- either is a change of public content (the content version, migration 0004).
CREATE TRIGGER campaigns_cv_insert AFTER INSERT ON campaigns BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = NEW.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER campaigns_cv_update AFTER UPDATE OF workspace_id, hashtag, starts_at, ends_at ON campaigns BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id IN (OLD.workspace_id, NEW.workspace_id);
END;
--> statement-breakpoint
CREATE TRIGGER campaigns_cv_delete AFTER DELETE ON campaigns BEGIN
  UPDATE workspaces SET content_version = content_version + 1 WHERE id = OLD.workspace_id;
END;
