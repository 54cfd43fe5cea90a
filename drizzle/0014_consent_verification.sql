-- Issue 14: consent only the author can give. A grant says how the author's identity was
-- established; posts carry that state for the publicness rule; requests carry how they were sent
-- and the one-time code the author replies with; an erasure asked through the link may wait.
ALTER TABLE `posts` ADD `rights_verification` text;--> statement-breakpoint
ALTER TABLE `posts` ADD `erasure_due_at` integer;--> statement-breakpoint
ALTER TABLE `rights_requests` ADD `sent_via` text;--> statement-breakpoint
ALTER TABLE `rights_requests` ADD `verify_code` text;--> statement-breakpoint
ALTER TABLE `rights_requests` ADD `verify_code_expires_at` integer;--> statement-breakpoint
ALTER TABLE `rights_requests` ADD `verify_code_used_at` integer;--> statement-breakpoint
ALTER TABLE `rights_requests` ADD `page_consent_id` text;--> statement-breakpoint
CREATE INDEX `rights_requests_verify_code` ON `rights_requests` (`verify_code`);--> statement-breakpoint
CREATE INDEX `posts_erasure_due` ON `posts` (`erasure_due_at`);--> statement-breakpoint
ALTER TABLE `consent_records` ADD `verification` text;--> statement-breakpoint
ALTER TABLE `instagram_connections` ADD `webhooks_subscribed_at` integer;--> statement-breakpoint
-- Requests already sent: API replies are public comments; a manual request's way is unknown, so
-- it is taken as public too (a link that may have been public never yields page-only consent).
UPDATE `rights_requests` SET `sent_via` = CASE `channel` WHEN 'api_comment' THEN 'api_comment' ELSE 'comment' END WHERE `sent_at` IS NOT NULL;--> statement-breakpoint
-- Consent records are append-only; the new column is filled once, here, for the records that
-- predate it (a comment reply came from the author's account; the rights page proved nothing).
DROP TRIGGER `consent_records_no_update`;--> statement-breakpoint
UPDATE `consent_records` SET `verification` = CASE `channel` WHEN 'comment_reply' THEN 'account' WHEN 'rights_page' THEN 'page' ELSE NULL END WHERE `kind` = 'granted';--> statement-breakpoint
CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records
BEGIN
  SELECT RAISE(ABORT, 'consent_records are append-only');
END;--> statement-breakpoint
-- Granted posts keep their publicness only when their latest grant came from the author's account;
-- a grant typed on the rights page now waits for the author's verifying reply.
UPDATE `posts` SET `rights_verification` = coalesce((
  SELECT CASE c.`verification` WHEN 'account' THEN 'account' ELSE 'awaiting' END FROM `consent_records` c
  WHERE c.`post_id` = `posts`.`id` AND c.`kind` = 'granted' ORDER BY c.`recorded_at` DESC LIMIT 1
), 'awaiting') WHERE `rights_status` = 'granted';
