import { useEffect, useId, useState } from 'react';
import type { BackupSchedule } from '../../../../shared/backups';
import { formatBytes } from '../../../../shared/format-bytes';
import { formatDateTime, localTimeZone } from '../../../../shared/format-date';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCopies } from '../../copies-store';
import { useApp } from '../../store';

function Schedule() {
  const schedule = useCopies((s) => s.schedule);
  // Keyed by what was loaded, so a saved or reloaded schedule starts a fresh draft.
  return schedule ? <ScheduleForm key={`${schedule.intervalMinutes}/${schedule.keep}`} initial={schedule} /> : null;
}

function ScheduleForm({ initial }: { initial: BackupSchedule }) {
  const { saveSchedule, busy } = useCopies();
  const [draft, setDraft] = useState(initial);
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Schedule</h2>
      <p className="muted small">While an assessment is open for editing here and has changed, a copy is kept every interval; only the newest scheduled copies are kept. 0 minutes turns it off.</p>
      <div className="field-row">
        <label className="field">
          <span>Every (minutes)</span>
          <input type="number" min={0} max={1440} value={draft.intervalMinutes} onChange={(e) => setDraft({ ...draft, intervalMinutes: Number(e.target.value) })} />
        </label>
        <label className="field">
          <span>Keep the last</span>
          <input type="number" min={1} max={1000} value={draft.keep} onChange={(e) => setDraft({ ...draft, keep: Number(e.target.value) })} />
        </label>
        <button type="button" className="btn" disabled={busy} onClick={() => void saveSchedule(draft)}>
          Save schedule
        </button>
      </div>
    </section>
  );
}

/** The backups of the open assessment: take one now, restore one (after a confirmation), and the schedule. */
export function BackupsView() {
  const current = useApp((s) => s.current!);
  const { backups, loadBackups, backupNow, confirming, askRestore, restore, busy, notice, error } = useCopies();
  const id = useId();
  useEffect(() => void loadBackups(current.file), [current.file, loadBackups]);
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  return (
    <div className="backups-view">
      <h1>Backups</h1>
      <ErrorNotice message={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <section className="panel" aria-labelledby={`${id}-h`}>
        <div className="panel-head">
          <h2 id={`${id}-h`}>Backups of this assessment</h2>
          <button type="button" className="btn" disabled={busy || current.readOnly} onClick={() => void backupNow(current.file)}>
            Back up now
          </button>
        </div>
        {backups.length === 0 ? (
          <p className="muted">No backups yet.</p>
        ) : (
          <table className="table backups-table">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Reason</th>
                <th scope="col">Size</th>
                <th scope="col">Audit head</th>
                <th scope="col">File</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.path}>
                  <td>{formatDateTime(b.takenAt, localTimeZone())}</td>
                  <td>{b.label}</td>
                  <td>{formatBytes(b.size)}</td>
                  <td className="mono">{b.head ? `${b.head.count}:${b.head.hash.slice(0, 12)}…` : `unreadable`}</td>
                  <td className="mono small" title={b.path}>
                    {name(b.path)}
                  </td>
                  <td>
                    <button type="button" className="btn btn-small" disabled={busy || current.readOnly || !b.head} onClick={() => askRestore(b.path)}>
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {confirming && (
          <div className="confirm" role="alertdialog" aria-labelledby={`${id}-c`}>
            <p id={`${id}-c`}>
              Restore <span className="mono">{name(confirming)}</span>? The assessment is replaced by this backup; its current state is kept as a backup first, and the restore is recorded in the audit log with the head it discards.
            </p>
            <div className="actions">
              <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void restore(current.file)}>
                Restore
              </button>
              <button type="button" className="btn" onClick={() => askRestore(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </section>
      <Schedule />
    </div>
  );
}
