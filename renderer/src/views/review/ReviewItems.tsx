import { useState } from 'react';
import { type ReviewItem, type ReviewStatus, reviewGradeLabels, reviewStatuses, reviewStatusLabels, targetText } from '../../../../shared/domain/review/model';
import { useReview } from '../../review-store';

function StatusForm({ item, readOnly }: { item: ReviewItem; readOnly: boolean }) {
  const setStatus = useReview((s) => s.setStatus);
  const [status, setChosen] = useState<ReviewStatus>(item.status);
  const [note, setNote] = useState(item.statusNote ?? '');
  if (readOnly) return <span>{reviewStatusLabels[item.status]}</span>;
  return (
    <form
      className="review-status"
      onSubmit={(e) => {
        e.preventDefault();
        void setStatus(item.id, status, note);
      }}
    >
      <select aria-label={`Status of ${item.id}`} value={status} onChange={(e) => setChosen(e.target.value as ReviewStatus)}>
        {reviewStatuses.map((s) => (
          <option key={s} value={s}>
            {reviewStatusLabels[s]}
          </option>
        ))}
      </select>
      <input aria-label={`Note on ${item.id}`} value={note} onChange={(e) => setNote(e.target.value)} placeholder="What was done, or what the auditor said" />
      <button type="submit" className="btn" aria-label={`Save ${item.id}`} disabled={status === item.status && note === (item.statusNote ?? '')}>
        Save
      </button>
    </form>
  );
}

/** The merged items, grouped by what they concern, so each sits next to its control, requirement, evidence or risk. */
export function ReviewItems({ readOnly }: { readOnly: boolean }) {
  const items = useReview((s) => s.items);
  const groups = new Map<string, ReviewItem[]>();
  for (const item of items) groups.set(targetText(item.target), [...(groups.get(targetText(item.target)) ?? []), item]);
  return (
    <section className="panel" aria-labelledby="review-items-h">
      <h2 id="review-items-h">Auditors’ findings in this assessment</h2>
      {items.length === 0 ? (
        <p className="muted">None merged yet. Merge the review package an auditor sends back (above).</p>
      ) : (
        [...groups].map(([target, list]) => (
          <div key={target} className="review-group">
            <h3 className="mono">{target}</h3>
            <ul className="review-list">
              {list.map((i) => (
                <li key={i.id} className={`review-item grade-${i.grade}`}>
                  <div>
                    <strong>{i.id}</strong> {reviewGradeLabels[i.grade]} · {i.reviewer} · reviewed at head {i.reviewedHead.count}
                  </div>
                  <p>{i.text}</p>
                  {i.statusNote && (
                    <p className="muted small">
                      {reviewStatusLabels[i.status]}: {i.statusNote}
                      {i.statusBy ? ` (${i.statusBy})` : ''}
                    </p>
                  )}
                  <StatusForm item={i} readOnly={readOnly} />
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
