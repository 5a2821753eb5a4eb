import { useEffect, useId } from 'react';
import { formatBytes } from '../../../shared/format-bytes';
import { type Audience, type PaperSize, type ReportFormat, type ReportType, audiences, paperSizes, tlpLabels } from '../../../shared/reports/model';
import { shell } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { JobProgressBar } from '../components/JobProgressBar';
import { useReports } from '../reports-store';
import { useApp } from '../store';
import { useSystems } from '../systems-store';
import { IssuedList } from './reports/IssuedList';
import { WrittenList } from './reports/WrittenList';

const formatLabels: Record<ReportFormat, string> = { pdf: 'PDF', docx: 'Word (DOCX)', xlsx: 'Excel (XLSX)', csv: 'CSV', oscal: 'OSCAL assessment results (JSON)' };

function Progress() {
  const { progress, jobId, cancel } = useReports();
  if (!progress) return null;
  return <JobProgressBar label="Generating the report" text={progress.phase} done={progress.done} total={progress.total} onCancel={jobId ? () => void cancel() : undefined} />;
}

function Chooser() {
  const { types, frameworks, options, setOptions, issue, setIssue, generate, progress } = useReports();
  const systems = useSystems((s) => s.systems);
  const id = useId();
  const busy = progress !== null;
  const formats = types.find((t) => t.type === options.type)?.formats ?? ['pdf', 'docx'];
  const chosen = (list: string[] | undefined, value: string) => list?.includes(value) ?? false;
  const toggle = (list: string[] | undefined, value: string) => {
    const next = chosen(list, value) ? (list ?? []).filter((x) => x !== value) : [...(list ?? []), value];
    return next.length ? next : undefined;
  };
  return (
    <section className="panel report-chooser" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Generate a report</h2>
      <p className="muted small">
        Reports only read the assessment. Each is written with a manifest (its SHA-256, the audit head it cites, the evidence hashes) that an auditor checks with
        <span className="mono"> assay verify-report</span>. Issuing also records the report in the register below and in the audit log.
      </p>
      <div className="field-row">
        <label className="field">
          <span>Report</span>
          <select value={options.type} onChange={(e) => setOptions({ type: e.target.value as ReportType })} disabled={busy}>
            {types.map((t) => (
              <option key={t.type} value={t.type}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Format</span>
          <select value={options.format} onChange={(e) => setOptions({ format: e.target.value as ReportFormat })} disabled={busy}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {formatLabels[f]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Paper</span>
          <select value={options.paper ?? 'A4'} onChange={(e) => setOptions({ paper: e.target.value as PaperSize })} disabled={busy}>
            {paperSizes.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Label on every page</span>
          <select value={options.label ?? 'TLP:AMBER'} onChange={(e) => setOptions({ label: e.target.value })} disabled={busy}>
            {tlpLabels.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Audience</span>
          <select value={options.audience ?? 'internal'} onChange={(e) => setOptions({ audience: e.target.value as Audience })} disabled={busy}>
            {audiences.map((a) => (
              <option key={a} value={a}>
                {a === 'external' ? 'External (personal names redacted)' : 'Internal'}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="report-scope" disabled={busy}>
        <legend>Frameworks (none ticked: all)</legend>
        {frameworks.map((f) => (
          <label key={f.id} className="check-inline">
            <input type="checkbox" checked={chosen(options.frameworks, f.id)} onChange={() => setOptions({ frameworks: toggle(options.frameworks, f.id) })} />
            {f.shortName}
          </label>
        ))}
      </fieldset>
      <fieldset className="report-scope" disabled={busy}>
        <legend>AI systems (none ticked: all)</legend>
        {systems.length === 0 && <span className="muted small">No AI systems yet.</span>}
        {systems.map((s) => (
          <label key={s.id} className="check-inline">
            <input type="checkbox" checked={chosen(options.systems, s.id)} onChange={() => setOptions({ systems: toggle(options.systems, s.id) })} />
            {s.name}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <label className="check-inline">
          <input type="checkbox" checked={issue} onChange={(e) => setIssue(e.target.checked)} disabled={busy} />
          Issue it (record its SHA-256 and the head it cites)
        </label>
        <button type="button" className="btn btn-primary" onClick={() => void generate()} disabled={busy || types.length === 0}>
          {issue ? 'Generate and issue' : 'Generate'}
        </button>
      </div>
      <Progress />
    </section>
  );
}

/** Reports: choose one, its scope, format, paper, label and audience; generate it as a job; the register of issued reports. */
export function ReportsView() {
  const file = useApp((s) => s.current?.file ?? null);
  const load = useReports((s) => s.load);
  const error = useReports((s) => s.error);
  const loadSystems = useSystems((s) => s.load);
  useEffect(() => {
    if (file) {
      void load(file);
      void loadSystems(file);
    }
  }, [file, load, loadSystems]);
  return (
    <div className="reports-view">
      <h1>Reports</h1>
      {error && <ErrorNotice message={error} />}
      <Chooser />
      <WrittenList canOpen={shell !== null} formatSize={formatBytes} />
      <IssuedList />
    </div>
  );
}
