CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_workspace` ON `api_keys` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`actor_user_id` text,
	`actor_kind` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text,
	`before` text,
	`after` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_workspace_at` ON `audit_log` (`workspace_id`,`at`);--> statement-breakpoint
CREATE TABLE `consent_records` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`post_id` text NOT NULL,
	`rights_request_id` text,
	`kind` text NOT NULL,
	`author_username` text,
	`author_ig_id` text,
	`terms_version_id` text,
	`terms_hash` text,
	`request_text` text,
	`channel` text NOT NULL,
	`evidence` text NOT NULL,
	`scope` text,
	`expires_at` integer,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rights_request_id`) REFERENCES `rights_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`terms_version_id`) REFERENCES `terms_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_records_post` ON `consent_records` (`post_id`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `consent_records_author` ON `consent_records` (`workspace_id`,`author_username`);--> statement-breakpoint
CREATE TABLE `daily_rollups` (
	`workspace_id` text NOT NULL,
	`day` text NOT NULL,
	`dimension` text NOT NULL,
	`dimension_id` text NOT NULL,
	`impressions` integer DEFAULT 0 NOT NULL,
	`opens` integer DEFAULT 0 NOT NULL,
	`product_clicks` integer DEFAULT 0 NOT NULL,
	`add_to_carts` integer DEFAULT 0 NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`revenue_minor` integer DEFAULT 0 NOT NULL,
	`assisted_orders` integer DEFAULT 0 NOT NULL,
	`assisted_revenue_minor` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `day`, `dimension`, `dimension_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `events` (
	`workspace_id` text NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`visitor_id` text NOT NULL,
	`session_id` text NOT NULL,
	`holdout` integer DEFAULT false NOT NULL,
	`gallery_id` text,
	`post_id` text,
	`product_id` text,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`payload` text,
	PRIMARY KEY(`workspace_id`, `id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_visitor` ON `events` (`workspace_id`,`visitor_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `events_received` ON `events` (`received_at`);--> statement-breakpoint
CREATE TABLE `galleries` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`layout` text DEFAULT 'grid' NOT NULL,
	`sort` text DEFAULT 'newest' NOT NULL,
	`filters` text DEFAULT '{}' NOT NULL,
	`page_size` integer DEFAULT 12 NOT NULL,
	`fallback_gallery_id` text,
	`min_posts` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `galleries_workspace` ON `galleries` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `gallery_posts` (
	`gallery_id` text NOT NULL,
	`post_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`gallery_id`, `post_id`),
	FOREIGN KEY (`gallery_id`) REFERENCES `galleries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gallery_posts_order` ON `gallery_posts` (`gallery_id`,`position`);--> statement-breakpoint
CREATE TABLE `hashtag_queries` (
	`ig_user_id` text NOT NULL,
	`hashtag` text NOT NULL,
	`first_queried_at` integer NOT NULL,
	PRIMARY KEY(`ig_user_id`, `hashtag`)
);
--> statement-breakpoint
CREATE TABLE `instagram_connections` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`ig_user_id` text NOT NULL,
	`username` text NOT NULL,
	`token_ciphertext` text NOT NULL,
	`token_expires_at` integer NOT NULL,
	`status` text NOT NULL,
	`status_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instagram_connections_ws_user` ON `instagram_connections` (`workspace_id`,`ig_user_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` text,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `media_variants` (
	`id` text PRIMARY KEY NOT NULL,
	`media_id` text NOT NULL,
	`role` text NOT NULL,
	`format` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`storage_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`media_id`) REFERENCES `post_media`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_variants_storage_key_unique` ON `media_variants` (`storage_key`);--> statement-breakpoint
CREATE INDEX `media_variants_media` ON `media_variants` (`media_id`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `user_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_user` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `moderation_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `moderation_rules_workspace` ON `moderation_rules` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `order_attributions` (
	`order_id` text NOT NULL,
	`kind` text NOT NULL,
	`gallery_id` text,
	`post_id` text,
	`product_id` text,
	`value_minor` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_attributions_order` ON `order_attributions` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_attributions_post` ON `order_attributions` (`post_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`transaction_id` text NOT NULL,
	`value_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`items` text NOT NULL,
	`visitor_id` text,
	`session_id` text,
	`channel` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_ws_transaction` ON `orders` (`workspace_id`,`transaction_id`);--> statement-breakpoint
CREATE INDEX `orders_ws_occurred` ON `orders` (`workspace_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `post_media` (
	`id` text PRIMARY KEY NOT NULL,
	`post_id` text NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`ig_media_id` text,
	`source_url` text,
	`video_source_url` text,
	`width` integer,
	`height` integer,
	`alt_text` text,
	`store_status` text DEFAULT 'pending' NOT NULL,
	`store_attempts` integer DEFAULT 0 NOT NULL,
	`store_error` text,
	`next_attempt_at` integer,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `post_media_post_position` ON `post_media` (`post_id`,`position`);--> statement-breakpoint
CREATE INDEX `post_media_post_stored` ON `post_media` (`post_id`,`store_status`);--> statement-breakpoint
CREATE INDEX `post_media_retry` ON `post_media` (`store_status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `post_products` (
	`id` text PRIMARY KEY NOT NULL,
	`post_id` text NOT NULL,
	`product_id` text NOT NULL,
	`media_id` text,
	`x` real NOT NULL,
	`y` real NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`media_id`) REFERENCES `post_media`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `post_products_post` ON `post_products` (`post_id`);--> statement-breakpoint
CREATE INDEX `post_products_product` ON `post_products` (`product_id`);--> statement-breakpoint
CREATE TABLE `post_sources` (
	`post_id` text NOT NULL,
	`source_id` text NOT NULL,
	`found_at` integer NOT NULL,
	PRIMARY KEY(`post_id`, `source_id`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `post_sources_source` ON `post_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `posts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`ig_media_id` text,
	`media_type` text NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`permalink` text,
	`author_username` text,
	`author_ig_id` text,
	`published_at` integer NOT NULL,
	`collected_at` integer NOT NULL,
	`like_count` integer,
	`comments_count` integer,
	`moderation_status` text DEFAULT 'pending' NOT NULL,
	`moderated_at` integer,
	`moderated_by` text,
	`moderation_rule_id` text,
	`moderation_reason` text,
	`rights_status` text DEFAULT 'none' NOT NULL,
	`rights_expires_at` integer,
	`rights_scope` text,
	`source_deleted_at` integer,
	`erased_at` integer,
	`source_checked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`moderated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `posts_ws_ig_media` ON `posts` (`workspace_id`,`ig_media_id`);--> statement-breakpoint
CREATE INDEX `posts_public` ON `posts` (`workspace_id`,`moderation_status`,`rights_status`,`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `posts_inbox` ON `posts` (`workspace_id`,`moderation_status`,`collected_at`);--> statement-breakpoint
CREATE INDEX `posts_author` ON `posts` (`workspace_id`,`author_username`);--> statement-breakpoint
CREATE TABLE `product_feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`format` text NOT NULL,
	`url` text,
	`refresh_interval_seconds` integer,
	`next_run_at` integer,
	`last_import_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`feed_id` text,
	`sku` text NOT NULL,
	`group_id` text,
	`title` text NOT NULL,
	`brand` text,
	`gtin` text,
	`link` text NOT NULL,
	`image_url` text,
	`price_minor` integer,
	`sale_price_minor` integer,
	`currency` text,
	`availability` text DEFAULT 'in_stock' NOT NULL,
	`removed_at` integer,
	`content_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`feed_id`) REFERENCES `product_feeds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_ws_sku` ON `products` (`workspace_id`,`sku`);--> statement-breakpoint
CREATE INDEX `products_ws_group` ON `products` (`workspace_id`,`group_id`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rights_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`post_id` text NOT NULL,
	`terms_version_id` text NOT NULL,
	`channel` text NOT NULL,
	`language` text NOT NULL,
	`request_text` text NOT NULL,
	`status` text NOT NULL,
	`comment_id` text,
	`reply_comment_id` text,
	`reply_text` text,
	`requested_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer,
	`link_expires_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`terms_version_id`) REFERENCES `terms_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rights_requests_post` ON `rights_requests` (`post_id`);--> statement-breakpoint
CREATE INDEX `rights_requests_ws_status` ON `rights_requests` (`workspace_id`,`status`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`connection_id` text,
	`kind` text NOT NULL,
	`query` text,
	`ig_hashtag_id` text,
	`cursor` text,
	`state` text,
	`enabled` integer DEFAULT true NOT NULL,
	`interval_seconds` integer DEFAULT 3600 NOT NULL,
	`next_run_at` integer,
	`last_run_at` integer,
	`last_error` text,
	`last_error_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`connection_id`) REFERENCES `instagram_connections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sources_due` ON `sources` (`enabled`,`next_run_at`);--> statement-breakpoint
CREATE INDEX `sources_workspace` ON `sources` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `terms_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`version` integer NOT NULL,
	`language` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`scope` text NOT NULL,
	`duration_days` integer,
	`content_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `terms_versions_ws_version_lang` ON `terms_versions` (`workspace_id`,`version`,`language`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`event` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `webhook_endpoints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`url` text NOT NULL,
	`secret_ciphertext` text NOT NULL,
	`events` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `webhook_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `workspaces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`instagram_handle` text,
	`approval_hashtag` text,
	`allowed_origins` text DEFAULT '[]' NOT NULL,
	`settings` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workspaces_slug_unique` ON `workspaces` (`slug`);