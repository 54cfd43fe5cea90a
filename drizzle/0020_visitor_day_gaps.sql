-- Distinct visitors of a past range without reading its visitor days. Each visitor's days (in the
-- workspace, '', and per gallery) form chains: every day seen, the days in the holdout, the days in
-- the holdout or engaged. A visitor is in a range's chain exactly once at their first chain day in it,
-- the one whose previous chain day lies before the range; so a range's distinct visitors are the
-- sum of the buckets (day, previous day) with the day in the range and the previous day before it.
-- Triggers keep the buckets in step with every write to visitor_days (ingest, erasure), so no code
-- path can forget to; a day inserted between two others re-links the later one.
CREATE TABLE `visitor_day_gaps` (
	`workspace_id` text NOT NULL,
	`gallery_id` text NOT NULL,
	`chain` text NOT NULL,
	`day` text NOT NULL,
	`prev_day` text NOT NULL,
	`visitors` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `gallery_id`, `chain`, `day`, `prev_day`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- The triggers' neighbour lookups: one visitor's days in one scope, in order, with their flags.
DROP INDEX `visitor_days_by_visitor`;
--> statement-breakpoint
CREATE INDEX `visitor_days_by_visitor` ON `visitor_days` (`workspace_id`,`visitor_id`,`gallery_id`,`day`,`holdout`,`engaged`);
--> statement-breakpoint
-- The orders of a range by currency and channel, and its buyers, read from the index alone.
DROP INDEX `orders_ws_occurred`;
--> statement-breakpoint
CREATE INDEX `orders_ws_occurred` ON `orders` (`workspace_id`,`occurred_at`,`currency`,`channel`,`value_minor`,`visitor_id`);
--> statement-breakpoint
INSERT INTO `visitor_day_gaps` (`workspace_id`, `gallery_id`, `chain`, `day`, `prev_day`, `visitors`)
SELECT workspace_id, gallery_id, 'seen', day, prev_day, count(*) FROM (
  SELECT workspace_id, gallery_id, day, coalesce(lag(day) OVER (PARTITION BY workspace_id, gallery_id, visitor_id ORDER BY day), '') AS prev_day
  FROM visitor_days
) GROUP BY workspace_id, gallery_id, day, prev_day;
--> statement-breakpoint
INSERT INTO `visitor_day_gaps` (`workspace_id`, `gallery_id`, `chain`, `day`, `prev_day`, `visitors`)
SELECT workspace_id, gallery_id, 'held', day, prev_day, count(*) FROM (
  SELECT workspace_id, gallery_id, day, coalesce(lag(day) OVER (PARTITION BY workspace_id, gallery_id, visitor_id ORDER BY day), '') AS prev_day
  FROM visitor_days WHERE holdout = 1
) GROUP BY workspace_id, gallery_id, day, prev_day;
--> statement-breakpoint
INSERT INTO `visitor_day_gaps` (`workspace_id`, `gallery_id`, `chain`, `day`, `prev_day`, `visitors`)
SELECT workspace_id, gallery_id, 'held_or_engaged', day, prev_day, count(*) FROM (
  SELECT workspace_id, gallery_id, day, coalesce(lag(day) OVER (PARTITION BY workspace_id, gallery_id, visitor_id ORDER BY day), '') AS prev_day
  FROM visitor_days WHERE (holdout = 1 OR engaged = 1)
) GROUP BY workspace_id, gallery_id, day, prev_day;
--> statement-breakpoint
CREATE TRIGGER visitor_day_gaps_seen_insert AFTER INSERT ON visitor_days BEGIN
  INSERT INTO visitor_day_gaps (workspace_id, gallery_id, chain, day, prev_day, visitors)
  SELECT NEW.workspace_id, NEW.gallery_id, 'seen', day, prev_day, n FROM (
    SELECT NEW.day AS day, coalesce(prev, '') AS prev_day, 1 AS n FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day) AS prev)
    UNION ALL SELECT next, coalesce(prev, ''), -1 FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day) AS prev, (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day) AS next) WHERE next IS NOT NULL
    UNION ALL SELECT next, NEW.day, 1 FROM (SELECT (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day) AS next) WHERE next IS NOT NULL
  ) WHERE true
  ON CONFLICT (workspace_id, gallery_id, chain, day, prev_day) DO UPDATE SET visitors = visitor_day_gaps.visitors + excluded.visitors;
END;
--> statement-breakpoint
CREATE TRIGGER visitor_day_gaps_seen_delete AFTER DELETE ON visitor_days BEGIN
  INSERT INTO visitor_day_gaps (workspace_id, gallery_id, chain, day, prev_day, visitors)
  SELECT OLD.workspace_id, OLD.gallery_id, 'seen', day, prev_day, n FROM (
    SELECT OLD.day AS day, coalesce(prev, '') AS prev_day, -1 AS n FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day < OLD.day) AS prev)
    UNION ALL SELECT next, coalesce(prev, ''), 1 FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day < OLD.day) AS prev, (SELECT min(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day > OLD.day) AS next) WHERE next IS NOT NULL
    UNION ALL SELECT next, OLD.day, -1 FROM (SELECT (SELECT min(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day > OLD.day) AS next) WHERE next IS NOT NULL
  ) WHERE true
  ON CONFLICT (workspace_id, gallery_id, chain, day, prev_day) DO UPDATE SET visitors = visitor_day_gaps.visitors + excluded.visitors;
END;
--> statement-breakpoint
CREATE TRIGGER visitor_day_gaps_held_insert AFTER INSERT ON visitor_days WHEN NEW.holdout = 1 BEGIN
  INSERT INTO visitor_day_gaps (workspace_id, gallery_id, chain, day, prev_day, visitors)
  SELECT NEW.workspace_id, NEW.gallery_id, 'held', day, prev_day, n FROM (
    SELECT NEW.day AS day, coalesce(prev, '') AS prev_day, 1 AS n FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND holdout = 1) AS prev)
    UNION ALL SELECT next, coalesce(prev, ''), -1 FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND holdout = 1) AS prev, (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND holdout = 1) AS next) WHERE next IS NOT NULL
    UNION ALL SELECT next, NEW.day, 1 FROM (SELECT (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND holdout = 1) AS next) WHERE next IS NOT NULL
  ) WHERE true
  ON CONFLICT (workspace_id, gallery_id, chain, day, prev_day) DO UPDATE SET visitors = visitor_day_gaps.visitors + excluded.visitors;
END;
--> statement-breakpoint
CREATE TRIGGER visitor_day_gaps_held_delete AFTER DELETE ON visitor_days WHEN OLD.holdout = 1 BEGIN
  INSERT INTO visitor_day_gaps (workspace_id, gallery_id, chain, day, prev_day, visitors)
  SELECT OLD.workspace_id, OLD.gallery_id, 'held', day, prev_day, n FROM (
    SELECT OLD.day AS day, coalesce(prev, '') AS prev_day, -1 AS n FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day < OLD.day AND holdout = 1) AS prev)
    UNION ALL SELECT next, coalesce(prev, ''), 1 FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day < OLD.day AND holdout = 1) AS prev, (SELECT min(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day > OLD.day AND holdout = 1) AS next) WHERE next IS NOT NULL
    UNION ALL SELECT next, OLD.day, -1 FROM (SELECT (SELECT min(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day > OLD.day AND holdout = 1) AS next) WHERE next IS NOT NULL
  ) WHERE true
  ON CONFLICT (workspace_id, gallery_id, chain, day, prev_day) DO UPDATE SET visitors = visitor_day_gaps.visitors + excluded.visitors;
END;
--> statement-breakpoint
CREATE TRIGGER visitor_day_gaps_held_join AFTER UPDATE OF holdout, engaged ON visitor_days WHEN NEW.holdout = 1 AND NOT OLD.holdout = 1 BEGIN
  INSERT INTO visitor_day_gaps (workspace_id, gallery_id, chain, day, prev_day, visitors)
  SELECT NEW.workspace_id, NEW.gallery_id, 'held', day, prev_day, n FROM (
    SELECT NEW.day AS day, coalesce(prev, '') AS prev_day, 1 AS n FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND holdout = 1) AS prev)
    UNION ALL SELECT next, coalesce(prev, ''), -1 FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND holdout = 1) AS prev, (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND holdout = 1) AS next) WHERE next IS NOT NULL
    UNION ALL SELECT next, NEW.day, 1 FROM (SELECT (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND holdout = 1) AS next) WHERE next IS NOT NULL
  ) WHERE true
  ON CONFLICT (workspace_id, gallery_id, chain, day, prev_day) DO UPDATE SET visitors = visitor_day_gaps.visitors + excluded.visitors;
END;
--> statement-breakpoint
CREATE TRIGGER visitor_day_gaps_held_leave AFTER UPDATE OF holdout, engaged ON visitor_days WHEN OLD.holdout = 1 AND NOT NEW.holdout = 1 BEGIN
  INSERT INTO visitor_day_gaps (workspace_id, gallery_id, chain, day, prev_day, visitors)
  SELECT NEW.workspace_id, NEW.gallery_id, 'held', day, prev_day, n FROM (
    SELECT NEW.day AS day, coalesce(prev, '') AS prev_day, -1 AS n FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND holdout = 1) AS prev)
    UNION ALL SELECT next, coalesce(prev, ''), 1 FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND holdout = 1) AS prev, (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND holdout = 1) AS next) WHERE next IS NOT NULL
    UNION ALL SELECT next, NEW.day, -1 FROM (SELECT (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND holdout = 1) AS next) WHERE next IS NOT NULL
  ) WHERE true
  ON CONFLICT (workspace_id, gallery_id, chain, day, prev_day) DO UPDATE SET visitors = visitor_day_gaps.visitors + excluded.visitors;
END;
--> statement-breakpoint
CREATE TRIGGER visitor_day_gaps_held_or_engaged_insert AFTER INSERT ON visitor_days WHEN (NEW.holdout = 1 OR NEW.engaged = 1) BEGIN
  INSERT INTO visitor_day_gaps (workspace_id, gallery_id, chain, day, prev_day, visitors)
  SELECT NEW.workspace_id, NEW.gallery_id, 'held_or_engaged', day, prev_day, n FROM (
    SELECT NEW.day AS day, coalesce(prev, '') AS prev_day, 1 AS n FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND (holdout = 1 OR engaged = 1)) AS prev)
    UNION ALL SELECT next, coalesce(prev, ''), -1 FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND (holdout = 1 OR engaged = 1)) AS prev, (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND (holdout = 1 OR engaged = 1)) AS next) WHERE next IS NOT NULL
    UNION ALL SELECT next, NEW.day, 1 FROM (SELECT (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND (holdout = 1 OR engaged = 1)) AS next) WHERE next IS NOT NULL
  ) WHERE true
  ON CONFLICT (workspace_id, gallery_id, chain, day, prev_day) DO UPDATE SET visitors = visitor_day_gaps.visitors + excluded.visitors;
END;
--> statement-breakpoint
CREATE TRIGGER visitor_day_gaps_held_or_engaged_delete AFTER DELETE ON visitor_days WHEN (OLD.holdout = 1 OR OLD.engaged = 1) BEGIN
  INSERT INTO visitor_day_gaps (workspace_id, gallery_id, chain, day, prev_day, visitors)
  SELECT OLD.workspace_id, OLD.gallery_id, 'held_or_engaged', day, prev_day, n FROM (
    SELECT OLD.day AS day, coalesce(prev, '') AS prev_day, -1 AS n FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day < OLD.day AND (holdout = 1 OR engaged = 1)) AS prev)
    UNION ALL SELECT next, coalesce(prev, ''), 1 FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day < OLD.day AND (holdout = 1 OR engaged = 1)) AS prev, (SELECT min(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day > OLD.day AND (holdout = 1 OR engaged = 1)) AS next) WHERE next IS NOT NULL
    UNION ALL SELECT next, OLD.day, -1 FROM (SELECT (SELECT min(day) FROM visitor_days WHERE workspace_id = OLD.workspace_id AND visitor_id = OLD.visitor_id AND gallery_id = OLD.gallery_id AND day > OLD.day AND (holdout = 1 OR engaged = 1)) AS next) WHERE next IS NOT NULL
  ) WHERE true
  ON CONFLICT (workspace_id, gallery_id, chain, day, prev_day) DO UPDATE SET visitors = visitor_day_gaps.visitors + excluded.visitors;
END;
--> statement-breakpoint
CREATE TRIGGER visitor_day_gaps_held_or_engaged_join AFTER UPDATE OF holdout, engaged ON visitor_days WHEN (NEW.holdout = 1 OR NEW.engaged = 1) AND NOT (OLD.holdout = 1 OR OLD.engaged = 1) BEGIN
  INSERT INTO visitor_day_gaps (workspace_id, gallery_id, chain, day, prev_day, visitors)
  SELECT NEW.workspace_id, NEW.gallery_id, 'held_or_engaged', day, prev_day, n FROM (
    SELECT NEW.day AS day, coalesce(prev, '') AS prev_day, 1 AS n FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND (holdout = 1 OR engaged = 1)) AS prev)
    UNION ALL SELECT next, coalesce(prev, ''), -1 FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND (holdout = 1 OR engaged = 1)) AS prev, (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND (holdout = 1 OR engaged = 1)) AS next) WHERE next IS NOT NULL
    UNION ALL SELECT next, NEW.day, 1 FROM (SELECT (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND (holdout = 1 OR engaged = 1)) AS next) WHERE next IS NOT NULL
  ) WHERE true
  ON CONFLICT (workspace_id, gallery_id, chain, day, prev_day) DO UPDATE SET visitors = visitor_day_gaps.visitors + excluded.visitors;
END;
--> statement-breakpoint
CREATE TRIGGER visitor_day_gaps_held_or_engaged_leave AFTER UPDATE OF holdout, engaged ON visitor_days WHEN (OLD.holdout = 1 OR OLD.engaged = 1) AND NOT (NEW.holdout = 1 OR NEW.engaged = 1) BEGIN
  INSERT INTO visitor_day_gaps (workspace_id, gallery_id, chain, day, prev_day, visitors)
  SELECT NEW.workspace_id, NEW.gallery_id, 'held_or_engaged', day, prev_day, n FROM (
    SELECT NEW.day AS day, coalesce(prev, '') AS prev_day, -1 AS n FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND (holdout = 1 OR engaged = 1)) AS prev)
    UNION ALL SELECT next, coalesce(prev, ''), 1 FROM (SELECT (SELECT max(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day < NEW.day AND (holdout = 1 OR engaged = 1)) AS prev, (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND (holdout = 1 OR engaged = 1)) AS next) WHERE next IS NOT NULL
    UNION ALL SELECT next, NEW.day, -1 FROM (SELECT (SELECT min(day) FROM visitor_days WHERE workspace_id = NEW.workspace_id AND visitor_id = NEW.visitor_id AND gallery_id = NEW.gallery_id AND day > NEW.day AND (holdout = 1 OR engaged = 1)) AS next) WHERE next IS NOT NULL
  ) WHERE true
  ON CONFLICT (workspace_id, gallery_id, chain, day, prev_day) DO UPDATE SET visitors = visitor_day_gaps.visitors + excluded.visitors;
END;
