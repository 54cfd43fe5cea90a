ALTER TABLE `instagram_connections` ADD `last_webhook_at` integer;--> statement-breakpoint
ALTER TABLE `sources` ADD `last_run_created` integer;--> statement-breakpoint
ALTER TABLE `sources` ADD `last_run_linked` integer;