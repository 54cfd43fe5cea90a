-- The scheduler's per-minute search for collected data past its workspace's retention
-- (domain/collection/platform-data.ts): per workspace, only posts older than its cutoff that
-- still hold data no granted consent covers, instead of every post of the host each minute.
CREATE INDEX `posts_platform_retention` ON `posts` (`workspace_id`,`collected_at`) WHERE `erased_at` IS NULL AND `rights_status` <> 'granted';
