/** The reference card's analytics queries, copied from ../shared/seed/self-healing-quick-reference.md without edits. */
export const TOP_ACTIONS_24H = `SELECT action_type, COUNT(*)
FROM unified_brain
WHERE agent_name LIKE '%self_healing%'
  AND executed_at > NOW() - INTERVAL '24 hours'
GROUP BY action_type;`;

export const COMPONENT_HEALTH = `SELECT metadata->>'component', COUNT(*) as interventions
FROM unified_brain
WHERE agent_name LIKE '%self_healing%'
GROUP BY metadata->>'component'
ORDER BY interventions DESC;`;

export const LATEST_10 = `SELECT * FROM unified_brain
WHERE agent_name LIKE '%self_healing%'
ORDER BY executed_at DESC
LIMIT 10;`;
