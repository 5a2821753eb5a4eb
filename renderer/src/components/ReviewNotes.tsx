import { useEffect, useState } from 'react';
import { type ReviewItem, type ReviewTarget, reviewGradeLabels, reviewStatusLabels } from '../../../shared/domain/review/model';
import { api } from '../api';

/**
 * The auditors' findings merged into the assessment that concern one item, shown next to it (its
 * status is set on the Review screen). Nothing is shown when there are none.
 */
export function ReviewNotes({ file, target }: { file: string; target: ReviewTarget }) {
  const [items, setItems] = useState<ReviewItem[]>([]);
  useEffect(() => {
    let live = true;
    api
      .invoke('review.items', { file, item: target })
      .then((r) => live && setItems(r.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [file, target.kind, target.id]); // eslint-disable-line react-hooks/exhaustive-deps
  if (items.length === 0) return null;
  return (
    <section aria-label="Auditors’ findings on this item">
      <h3>Auditors’ findings</h3>
      <ul className="review-list">
        {items.map((i) => (
          <li key={i.id} className={`review-item grade-${i.grade}`}>
            <strong>{i.id}</strong> {reviewGradeLabels[i.grade]} · {reviewStatusLabels[i.status]}: {i.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
