import Link from 'next/link';
import type { AnalyticsReport } from '@/lib/services/analytics-report';

/** The card's two queries as tables: exact numbers, readable without the charts. */
export function CardQueryTables({ report }: { report: AnalyticsReport }) {
  return (
    <div className="grid">
      <section aria-labelledby="top-actions-title">
        <h3 id="top-actions-title">Top actions</h3>
        <div className="table-wrap">
          <table className="table" aria-labelledby="top-actions-title" data-testid="top-actions-table">
            <thead>
              <tr>
                <th scope="col">action_type</th>
                <th scope="col">count</th>
              </tr>
            </thead>
            <tbody>
              {report.top_actions.length === 0 && (
                <tr>
                  <td colSpan={2} className="muted">
                    No rows in this window.
                  </td>
                </tr>
              )}
              {report.top_actions.map((a) => (
                <tr key={a.action_type}>
                  <td>
                    <code>{a.action_type}</code>
                  </td>
                  <td className="num">{a.count.toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="interventions-title">
        <h3 id="interventions-title">Interventions per component</h3>
        <div className="table-wrap">
          <table className="table" aria-labelledby="interventions-title">
            <thead>
              <tr>
                <th scope="col">component</th>
                <th scope="col">interventions</th>
                <th scope="col">healing</th>
              </tr>
            </thead>
            <tbody>
              {report.interventions.length === 0 && (
                <tr>
                  <td colSpan={3} className="muted">
                    No rows in this window.
                  </td>
                </tr>
              )}
              {report.interventions.map((r) => (
                <tr key={r.component ?? '(none)'}>
                  <td>{r.component ? <Link href={`/components/${r.component}`}>{r.component}</Link> : <span className="muted">console-wide</span>}</td>
                  <td className="num">{r.interventions.toLocaleString('en-US')}</td>
                  <td className="num">{r.healing_actions.toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
