import { findingStatusLabels } from '../../../../shared/domain/findings/model';
import type { PlanItem } from '../../../../shared/domain/findings/model';
import { visibleText } from '../../../../shared/imports/visible-text';

/** What auditors ask for: what, who, by when, status; late items flagged. */
export function PlanOfAction({ items, onSelect }: { items: PlanItem[]; onSelect: (id: string) => void }) {
  return (
    <section className="panel plan-of-action" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Plan of action</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Who</th>
            <th scope="col">By when</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td>
                <button type="button" className="link" onClick={() => onSelect(i.id)}>
                  <span className="mono">{i.id}</span> {visibleText(i.what)}
                </button>
                <span className="block small muted">
                  {i.severity}
                  {i.system ? ` · ${i.system}` : ''}
                </span>
              </td>
              <td className="nowrap">{i.who ?? <span className="muted">nobody yet</span>}</td>
              <td className={i.overdue || i.acceptanceExpired ? 'bad nowrap' : 'nowrap'}>
                {i.byWhen ?? <span className="muted">no date</span>}
                {i.overdue && <strong> overdue</strong>}
                {i.acceptanceExpired && <strong> acceptance expired</strong>}
              </td>
              <td>{findingStatusLabels[i.status]}</td>
            </tr>
          ))}
          {items.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                Nothing to plan: no findings yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
