import { useId, useState } from 'react';
import { type ReviewGrade, type ReviewTargetKind, reviewGradeLabels, reviewGrades, reviewTargetKinds, targetText } from '../../../../shared/domain/review/model';
import { countOf } from '../../../../shared/plural';
import { useReview } from '../../review-store';

/** The auditor's side, on a file opened read-only: findings go to the review file, which is then packed. */
export function AuditorPanel() {
  const { review, addEntry, pack } = useReview();
  const id = useId();
  const [kind, setKind] = useState<ReviewTargetKind>('control');
  const [target, setTarget] = useState('');
  const [grade, setGrade] = useState<ReviewGrade>('minor');
  const [text, setText] = useState('');
  const [out, setOut] = useState('');
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Your review</h2>
      <p className="muted small">
        Findings go to a review file of their own beside the assessment (<span className="mono">.assayreview</span>), hash-chained and bound to this assessment and the
        head you reviewed. The assessment itself is never written.
      </p>
      <form
        className="field-row"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await addEntry({ grade, target: { kind, id: target.trim() }, text: text.trim() })) {
            setText('');
          }
        }}
      >
        <label className="field">
          <span>On</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ReviewTargetKind)}>
            {reviewTargetKinds.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Id</span>
          <input value={target} onChange={(e) => setTarget(e.target.value)} placeholder={kind === 'requirement' ? 'eu-ai-act:Art. 9(1)' : kind === 'control' ? 'GOV-01' : kind === 'risk' ? 'RSK-001' : 'EV-001'} />
        </label>
        <label className="field">
          <span>Grade</span>
          <select value={grade} onChange={(e) => setGrade(e.target.value as ReviewGrade)}>
            {reviewGrades.map((g) => (
              <option key={g} value={g}>
                {reviewGradeLabels[g]}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>Finding</span>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} />
        </label>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={!target.trim() || !text.trim()}>
            Add to the review
          </button>
        </div>
      </form>
      {review && (
        <>
          <p className="small">
            {review.review}: {countOf(review.doc.entries.length, 'entry', 'entries')}, reviewing head {review.doc.review.reviewedHead.count}, chain intact.
          </p>
          <ol className="review-list">
            {review.doc.entries.map((e) => (
              <li key={e.seq}>
                <strong>{reviewGradeLabels[e.grade]}</strong> on <span className="mono">{targetText(e.target)}</span>: {e.text}
              </li>
            ))}
          </ol>
          <form
            className="field-row"
            onSubmit={(e) => {
              e.preventDefault();
              void pack(out.trim());
            }}
          >
            <label className="field grow">
              <span>Package to send back</span>
              <input value={out} onChange={(e) => setOut(e.target.value)} placeholder="/path/to/review-back.assayreview" spellCheck={false} />
            </label>
            <div className="actions">
              <button type="submit" className="btn" disabled={!out.trim()}>
                Write the package
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
