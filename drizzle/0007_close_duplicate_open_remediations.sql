-- Before remediations_one_open_idx (next migration) can exist: at most one open
-- remediation per component and action. Of each group of open duplicates the
-- one furthest along is kept (executing, then approved, then pending_approval,
-- then proposed; the oldest among equals); the others are closed without
-- running: a waiting one as expired, an approved or executing one as failed,
-- each saying which request it yielded to.
WITH ranked AS (
  SELECT id,
         first_value(id) OVER w AS kept_id,
         row_number() OVER w AS rank
  FROM remediations
  WHERE status IN ('proposed', 'pending_approval', 'approved', 'executing')
  WINDOW w AS (
    PARTITION BY component_id, action
    ORDER BY CASE status WHEN 'executing' THEN 1 WHEN 'approved' THEN 2 WHEN 'pending_approval' THEN 3 ELSE 4 END,
             created_at, id
  )
)
UPDATE remediations r
SET status = CASE WHEN r.status IN ('proposed', 'pending_approval') THEN 'expired' ELSE 'failed' END,
    finished_at = now(),
    lease_expires_at = NULL,
    error = 'closed when one open request per component and action became the rule: remediation ' || ranked.kept_id || ' is the open one'
          || CASE WHEN r.status = 'executing' THEN '; this one was executing, check the service' ELSE '' END
FROM ranked
WHERE r.id = ranked.id AND ranked.rank > 1;
