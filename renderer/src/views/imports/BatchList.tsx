import { useId } from 'react';
import { formatDate, localTimeZone } from '../../../../shared/format-date';
import { useImports } from '../../imports-store';

/** Every import of this assessment, as the audit log records it. */
export function BatchList() {
  const batches = useImports((s) => s.batches);
  const id = useId();
  return (
    <section className="panel import-batches" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Imports</h2>
      {batches.length === 0 ? (
        <p className="muted">No imports yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Batch</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Source</th>
                <th scope="col">Format</th>
                <th scope="col">Created</th>
                <th scope="col">Updated</th>
                <th scope="col">Unchanged</th>
                <th scope="col">Skipped</th>
                <th scope="col">Problems</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {[...batches].reverse().map((b) => (
                <tr key={b.id}>
                  <td className="mono">{b.id}</td>
                  <td className="nowrap">{formatDate(b.importedAt, localTimeZone())}</td>
                  <td>{b.importedBy}</td>
                  <td>
                    {b.sourceName}
                    <span className="block small muted mono" title={b.sha256}>
                      {b.sha256.slice(0, 16)}…
                    </span>
                  </td>
                  <td>{b.format}</td>
                  <td>{b.counts.create}</td>
                  <td>{b.counts.update}</td>
                  <td>{b.counts.unchanged}</td>
                  <td>{b.counts.skip}</td>
                  <td>{b.problems}</td>
                  <td className="mono">{b.evidenceId ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
