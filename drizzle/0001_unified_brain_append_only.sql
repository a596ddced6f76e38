-- unified_brain is an audit log (SPEC §5): the database itself refuses to rewrite history,
-- whoever connects and whatever the application does.
CREATE OR REPLACE FUNCTION unified_brain_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'unified_brain is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER unified_brain_no_update_delete
  BEFORE UPDATE OR DELETE ON unified_brain
  FOR EACH ROW EXECUTE FUNCTION unified_brain_reject_change();
--> statement-breakpoint
CREATE TRIGGER unified_brain_no_truncate
  BEFORE TRUNCATE ON unified_brain
  FOR EACH STATEMENT EXECUTE FUNCTION unified_brain_reject_change();
