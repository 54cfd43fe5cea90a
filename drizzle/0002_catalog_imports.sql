CREATE TABLE `catalog_import_rows` (
	`import_id` text NOT NULL,
	`sku` text NOT NULL,
	`change` text NOT NULL,
	`line` integer NOT NULL,
	`product_id` text NOT NULL,
	`group_id` text,
	`title` text NOT NULL,
	`brand` text,
	`gtin` text,
	`link` text NOT NULL,
	`image_url` text,
	`price_minor` integer,
	`sale_price_minor` integer,
	`currency` text,
	`availability` text NOT NULL,
	`content_hash` text NOT NULL,
	PRIMARY KEY(`import_id`, `sku`),
	FOREIGN KEY (`import_id`) REFERENCES `catalog_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `catalog_import_rows_change` ON `catalog_import_rows` (`import_id`,`change`);--> statement-breakpoint
CREATE TABLE `catalog_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`feed_id` text NOT NULL,
	`status` text NOT NULL,
	`trigger` text NOT NULL,
	`added` integer NOT NULL,
	`updated` integer NOT NULL,
	`unchanged` integer NOT NULL,
	`missing` integer NOT NULL,
	`invalid` integer NOT NULL,
	`errors` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`applied_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`feed_id`) REFERENCES `product_feeds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `catalog_imports_feed` ON `catalog_imports` (`feed_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `catalog_imports_ws` ON `catalog_imports` (`workspace_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `product_feeds` ADD `currency` text;--> statement-breakpoint
ALTER TABLE `product_feeds` ADD `store_url` text;