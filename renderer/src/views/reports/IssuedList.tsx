import { useId } from 'react';
import { formatDate, localTimeZone } from '../../../../shared/format-date';
import { reportTitles } from '../../../../shared/reports/model';
import { useReports } from '../../reports-store';

/** The register of issued reports, as the audit log records it. */
export function IssuedList() {
  const issued = useReports((s) => s.issued);
  const id = useId();
  return (
    <section className="panel report-issued" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Issued reports</h2>
      {issued.length === 0 ? (
        <p className="muted">No reports issued yet. Tick “Issue it” to record a report’s SHA-256 and the audit head it cites.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Issued</th>
                <th scope="col">By</th>
                <th scope="col">Report</th>
                <th scope="col">File</th>
                <th scope="col">Cites head</th>
                <th scope="col">Label</th>
                <th scope="col">Audience</th>
              </tr>
            </thead>
            <tbody>
              {[...issued].reverse().map((r) => (
                <tr key={r.id}>
                  <td className="mono">{r.id}</td>
                  <td className="nowrap">{formatDate(r.issuedAt, localTimeZone())}</td>
                  <td>{r.issuedBy}</td>
                  <td>
                    {reportTitles[r.type]} ({r.format.toUpperCase()})
                  </td>
                  <td>
                    {r.fileName}
                    <span className="block small muted mono" title={r.sha256}>
                      {r.sha256.slice(0, 16)}…
                    </span>
                  </td>
                  <td className="mono">{r.head.count}</td>
                  <td>{r.label}</td>
                  <td>{r.audience}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
