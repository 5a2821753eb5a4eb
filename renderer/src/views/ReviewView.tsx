import { useEffect, useId, useState } from 'react';
import { reviewGradeLabels, targetText } from '../../../shared/domain/review/model';
import { checkSymbols, checkVerdict } from '../../../shared/check-verdict';
import { countOf } from '../../../shared/plural';
import { ErrorNotice } from '../components/ErrorNotice';
import { useReview } from '../review-store';
import { useApp } from '../store';
import { AuditorPanel } from './review/AuditorPanel';
import { ReviewItems } from './review/ReviewItems';
import { SignoffPanel } from './review/SignoffPanel';

function VerifyPanel() {
  const { verification, verifying, verify } = useReview();
  const [expectHead, setExpectHead] = useState('');
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Verify everything</h2>
      <p className="muted small">Every page, the audit chain (against the head you hold from a report, if you give it), replay of every table, every evidence hash, and the reports beside the assessment against their manifests.</p>
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          void verify(expectHead.trim() || undefined);
        }}
      >
        <label className="field grow">
          <span>Expected head (optional)</span>
          <input value={expectHead} onChange={(e) => setExpectHead(e.target.value)} placeholder="count:sha256 from a report or manifest" spellCheck={false} />
        </label>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={verifying}>
            {verifying ? 'Verifying…' : 'Verify'}
          </button>
        </div>
      </form>
      {verification && (
        <div role="status" className={verification.ok ? 'verify-ok' : 'verify-failed'}>
          <p>
            <strong>{verification.ok ? 'Everything checks out.' : 'Verification failed.'}</strong> Head <span className="mono">{verification.assessment.head}</span>
          </p>
          <ul className="check-list">
            {verification.assessment.checks.map((c) => (
              <li key={c.name} className={checkVerdict(c)}>
                {checkSymbols[checkVerdict(c)]} {c.name}: {c.detail}
              </li>
            ))}
            {verification.reports.map((r) => (
              <li key={r.report} className={r.ok ? 'ok' : 'fail'}>
                {r.ok ? '✓' : '✗'} report {r.report}: {r.ok ? 'matches its manifest and this assessment' : r.message}
              </li>
            ))}
            {verification.reports.length === 0 && <li className="muted">No reports found{verification.reportsFolder ? ` in ${verification.reportsFolder}` : ''}.</li>}
          </ul>
        </div>
      )}
    </section>
  );
}

function MergePanel() {
  const { preview, previewMerge, merge } = useReview();
  const [path, setPath] = useState('');
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Merge an auditor’s review</h2>
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          void previewMerge(path.trim());
        }}
      >
        <label className="field grow">
          <span>Review package</span>
          <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/review-back.assayreview" spellCheck={false} />
        </label>
        <div className="actions">
          <button type="submit" className="btn" disabled={!path.trim()}>
            Show what arrives
          </button>
        </div>
      </form>
      {preview && (
        <div className="merge-preview">
          <p>
            Review by <strong>{preview.review.reviewer}</strong> of head {preview.review.reviewedHead.count}: {preview.arriving.length} arriving, {preview.already} merged before.
          </p>
          <ul className="review-list">
            {preview.arriving.map((e) => (
              <li key={e.seq}>
                <strong>{reviewGradeLabels[e.grade]}</strong> on <span className="mono">{targetText(e.target)}</span>: {e.text}
              </li>
            ))}
          </ul>
          {preview.warnings.map((w) => (
            <p key={w} className="warning small">
              {w}
            </p>
          ))}
          <button type="button" className="btn btn-primary" onClick={() => void merge()} disabled={preview.arriving.length === 0}>
            Merge {countOf(preview.arriving.length, 'item')}
          </button>
        </div>
      )}
    </section>
  );
}

/** The auditor's review: verify; on a read-only file, write findings to the review file; otherwise merge them and follow up. */
export function ReviewView() {
  const current = useApp((s) => s.current);
  const { load, error, message } = useReview();
  const readOnly = current?.readOnly ?? false;
  useEffect(() => {
    if (current) void load(current.file, current.readOnly);
  }, [current, load]);
  return (
    <div className="review-view">
      <h1>Review</h1>
      {error && <ErrorNotice message={error} />}
      {message && (
        <p className="notice notice-ok" role="status">
          {message}
        </p>
      )}
      <VerifyPanel />
      {current && <SignoffPanel file={current.file} readOnly={readOnly} />}
      {readOnly ? <AuditorPanel /> : <MergePanel />}
      <ReviewItems readOnly={readOnly} />
    </div>
  );
}
