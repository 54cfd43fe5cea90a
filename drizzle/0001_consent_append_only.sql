-- Consent records are evidence: nothing may rewrite or erase them (DESIGN.md invariant 3).
CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records
BEGIN
  SELECT RAISE(ABORT, 'consent_records are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records
BEGIN
  SELECT RAISE(ABORT, 'consent_records are append-only');
END;
