-- admin_events is an audit log like unified_brain (migration 0001): the database itself
-- refuses to rewrite it, whoever connects and whatever the application does.
CREATE OR REPLACE FUNCTION admin_events_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'admin_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER admin_events_no_update_delete
  BEFORE UPDATE OR DELETE ON admin_events
  FOR EACH ROW EXECUTE FUNCTION admin_events_reject_change();
--> statement-breakpoint
CREATE TRIGGER admin_events_no_truncate
  BEFORE TRUNCATE ON admin_events
  FOR EACH STATEMENT EXECUTE FUNCTION admin_events_reject_change();
