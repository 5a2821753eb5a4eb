import { useControls } from '../controls-store';
import { type View, useApp } from '../store';
import { AuditView } from './AuditView';
import { CatalogView } from './CatalogView';
import { ControlsView } from './ControlsView';
import { ChecksView } from './ChecksView';
import { DashboardView } from './dashboard/DashboardView';
import { IncidentsView } from './IncidentsView';
import { ImportView } from './ImportView';
import { FindingsView } from './FindingsView';
import { RisksView } from './RisksView';
import { EvidenceView } from './EvidenceView';
import { SystemsView } from './SystemsView';
import { HumanRiskView } from './HumanRiskView';
import { ReportsView } from './ReportsView';
import { ReviewView } from './ReviewView';
import { PackageView } from './PackageView';
import { DiffView } from './copies/DiffView';
import { BackupsView } from './copies/BackupsView';
import { formatDate, localTimeZone } from '../../../shared/format-date';

const views: { id: View; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'systems', label: 'AI systems' },
  { id: 'controls', label: 'Controls' },
  { id: 'evidence', label: 'Evidence' },
  { id: 'risks', label: 'Risks' },
  { id: 'incidents', label: 'Incidents' },
  { id: 'findings', label: 'Findings' },
  { id: 'humanRisk', label: 'Human risk' },
  { id: 'imports', label: 'Imports' },
  { id: 'reports', label: 'Reports' },
  { id: 'review', label: 'Review' },
  { id: 'package', label: 'Package' },
  { id: 'catalog', label: 'Catalog' },
  { id: 'checks', label: 'Checks' },
  { id: 'audit', label: 'Audit log' },
  { id: 'diff', label: 'Compare copies' },
  { id: 'backups', label: 'Backups' },
];

export function AssessmentShell() {
  const current = useApp((s) => s.current)!;
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const close = useApp((s) => s.close);
  const changedElsewhereAt = useApp((s) => s.changedElsewhereAt);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Assessment">
        <div className="brand brand-small">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span className="brand-name">Assay</span>
        </div>
        <ul>
          {views.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className={`nav-item${view === v.id ? ' active' : ''}`}
                aria-current={view === v.id ? 'page' : undefined}
                onClick={() => useControls.getState().guard(`Opening ${v.label}`, () => setView(v.id))}
              >
                {v.label}
                {v.id === 'controls' && <span className="nav-count">{current.counts.total}</span>}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <button type="button" className="btn btn-sidebar" onClick={() => void close()}>
            Close assessment
          </button>
        </div>
      </nav>
      <div className="workspace">
        <header className="topbar">
          <div>
            <h1 className="assessment-name">{current.name}</h1>
            <p className="muted small file-path" title={current.file}>
              {current.file}
            </p>
          </div>
          <dl className="facts">
            <div>
              <dt>Catalog</dt>
              <dd>{current.catalogVersion}</dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>{formatDate(current.createdAt, localTimeZone())}</dd>
            </div>
          </dl>
        </header>
        {changedElsewhereAt && (
          <p className="notice" role="status" data-testid="changed-elsewhere">
            Another program changed this assessment; what you see was reloaded at{' '}
            {new Date(changedElsewhereAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' })}.
          </p>
        )}
        {current.backup && (
          <p className="notice" role="status">
            This file was upgraded to the current file format. The previous version was kept as {current.backup}.
          </p>
        )}
        {current.readOnly && (
          <p className="banner-readonly" role="status" data-testid="read-only-banner">
            Read-only: every editing command refuses. {current.readNote ?? ''}
          </p>
        )}
        {current.damage && (
          <p className="banner-damaged" role="alert">
            This file is damaged ({current.damage}). Nothing will be written to it; what can still be read is shown. Restore its backup copy or
            a previous copy.
          </p>
        )}
        <main className="content">
          {view === 'overview' && <DashboardView />}
          {view === 'systems' && <SystemsView />}
          {view === 'diff' && <DiffView />}
          {view === 'backups' && <BackupsView />}
          {view === 'controls' && <ControlsView />}
          {view === 'risks' && <RisksView />}
          {view === 'incidents' && <IncidentsView />}
          {view === 'imports' && <ImportView />}
          {view === 'findings' && <FindingsView />}
          {view === 'evidence' && <EvidenceView />}
          {view === 'catalog' && <CatalogView />}
          {view === 'audit' && <AuditView />}
          {view === 'checks' && <ChecksView />}
          {view === 'humanRisk' && <HumanRiskView />}
          {view === 'reports' && <ReportsView />}
          {view === 'review' && <ReviewView />}
          {view === 'package' && <PackageView />}
        </main>
      </div>
    </div>
  );
}
