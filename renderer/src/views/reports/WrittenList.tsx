import { useId } from 'react';
import { formatDate, localTimeZone } from '../../../../shared/format-date';
import { reportTitles } from '../../../../shared/reports/model';
import { shell } from '../../api';
import { useReports } from '../../reports-store';

/** The reports written in this session: where they are, their SHA-256 and the head they cite; open or show them (desktop app). */
export function WrittenList({ canOpen, formatSize }: { canOpen: boolean; formatSize: (n: number) => string }) {
  const written = useReports((s) => s.written);
  const id = useId();
  if (written.length === 0) return null;
  return (
    <section className="panel report-written" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Written now</h2>
      <ul className="plain-list">
        {written.map((r) => (
          <li key={r.path} className="report-result">
            <strong>
              {reportTitles[r.type]} ({r.format.toUpperCase()})
            </strong>
            {r.issued && <span className="badge"> issued as {r.issued.id}</span>}
            <span className="block mono small">{r.path}</span>
            <span className="block small muted">
              {formatSize(r.size)}, SHA-256 <span className="mono">{r.sha256}</span>, cites audit head {r.head.count}, generated {formatDate(r.generatedAt, localTimeZone())}; manifest
              beside it.
            </span>
            {canOpen && shell && (
              <span className="actions">
                <button type="button" className="btn btn-small" onClick={() => void shell!.openReport(r.path)}>
                  Open
                </button>
                <button type="button" className="btn btn-small btn-quiet" onClick={() => void shell!.showReport(r.path)}>
                  Show in folder
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
