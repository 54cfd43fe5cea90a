ALTER TABLE `daily_rollups` ADD `confirmed_orders` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `confirmed_revenue_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `confirmed_assisted_orders` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_rollups` ADD `confirmed_assisted_revenue_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `orders_ws_visitor` ON `orders` (`workspace_id`,`visitor_id`);--> statement-breakpoint
-- Backfill: the confirmed counters of every order already confirmed through the API, exactly as
-- `orderRollupDeltas` (server/rules/attribution.ts) counts its stored credits.
INSERT INTO `daily_rollups` (`workspace_id`, `day`, `dimension`, `dimension_id`, `confirmed_orders`, `confirmed_revenue_minor`, `confirmed_assisted_orders`, `confirmed_assisted_revenue_minor`)
SELECT `workspace_id`, `day`, `dimension`, `dimension_id`, sum(`orders`), sum(`revenue`), sum(`assisted_orders`), sum(`assisted_revenue`) FROM (
	WITH `credit` AS (
		SELECT o.`workspace_id`, strftime('%Y-%m-%d', o.`occurred_at` / 1000, 'unixepoch') AS `day`, a.`order_id`, a.`kind`, a.`gallery_id`, a.`post_id`, a.`product_id`, a.`value_minor`
		FROM `order_attributions` a JOIN `orders` o ON o.`id` = a.`order_id` WHERE o.`channel` = 'api'
	), `main` AS (SELECT * FROM `credit` WHERE `kind` <> 'assisted' AND `product_id` IS NULL)
	-- Five terms at most: D1 refuses longer compound SELECTs.
	SELECT m.`workspace_id`, m.`day`, 'workspace' AS `dimension`, '' AS `dimension_id`, 1 AS `orders`, m.`value_minor` AS `revenue`, x.`assisted` AS `assisted_orders`, x.`assisted` * m.`value_minor` AS `assisted_revenue`
		FROM `main` m JOIN (SELECT `order_id`, max(`kind` = 'assisted') AS `assisted` FROM `credit` GROUP BY `order_id`) x ON x.`order_id` = m.`order_id`
	UNION ALL SELECT `workspace_id`, `day`, 'gallery', `gallery_id`, 1, `value_minor`, 0, 0 FROM `main` WHERE `gallery_id` IS NOT NULL
	UNION ALL SELECT `workspace_id`, `day`, 'post', `post_id`, 1, `value_minor`, 0, 0 FROM `main` WHERE `post_id` IS NOT NULL
	UNION ALL SELECT `workspace_id`, `day`, 'product', `product_id`, 1, `value_minor`, 0, 0 FROM `credit` WHERE `kind` <> 'assisted' AND `product_id` IS NOT NULL
	UNION ALL SELECT `workspace_id`, `day`, CASE WHEN `post_id` IS NOT NULL THEN 'post' ELSE 'gallery' END, coalesce(`post_id`, `gallery_id`), 0, 0, 1, `value_minor` FROM `credit` WHERE `kind` = 'assisted' AND coalesce(`post_id`, `gallery_id`) IS NOT NULL
) WHERE true GROUP BY 1, 2, 3, 4
ON CONFLICT (`workspace_id`, `day`, `dimension`, `dimension_id`) DO UPDATE SET
	`confirmed_orders` = excluded.`confirmed_orders`,
	`confirmed_revenue_minor` = excluded.`confirmed_revenue_minor`,
	`confirmed_assisted_orders` = excluded.`confirmed_assisted_orders`,
	`confirmed_assisted_revenue_minor` = excluded.`confirmed_assisted_revenue_minor`;
