-- Of two "Send by email" for one winner at once (a double click, two members), only the request
-- holding this claim sends; a claim older than a few minutes is a sender that died, and lapses.
ALTER TABLE `campaign_winners` ADD `email_claimed_at` integer;
