import { useEffect, useState } from 'react';
import { acceptanceStatusLabels, treatmentLabels } from '../../../shared/domain/risk';
import type { RiskRow } from '../../../shared/domain/risk-register/register';
import { dateWithDaysLeft, ratingLabel, scoreWords } from '../../../shared/register-words';
import { ErrorNotice } from '../components/ErrorNotice';
import { ReviewNotes } from '../components/ReviewNotes';
import { RiskHeatMap } from '../components/RiskHeatMap';
import { useRisks } from '../risks-store';
import { useApp } from '../store';
import { useSystems } from '../systems-store';
import { AcceptDialog } from './risks/AcceptDialog';
import { RiskForm } from './risks/RiskForm';


const words = (s: string) => s.replace(/_/g, ' ');

function Score({ score }: { score: RiskRow['inherent'] | null }) {
  if (!score) return <span className="muted">not assessed</span>;
  return (
    <span className={`rating rating-${score.rating}`}>
      {score.score} {ratingLabel(score.rating)}
    </span>
  );
}

function RiskDetail({ risk, today, readOnly, onEdit, onAccept }: { risk: RiskRow; today: string; readOnly: boolean; onEdit: () => void; onAccept: () => void }) {
  const a = risk.acceptance;
  const file = useApp((s) => s.current?.file);
  return (
    <section className="detail" aria-label={`Risk ${risk.id}`}>
      <p className="muted mono">{risk.id}</p>
      <h2>{risk.title}</h2>
      {risk.description && <p>{risk.description}</p>}
      <dl className="facts-list">
        <dt>AI system</dt>
        <dd>
          {risk.systemId} {risk.systemName}
        </dd>
        <dt>Threat</dt>
        <dd>{risk.threatId ? `${risk.threatId} ${risk.threatName ?? ''}` : <span className="empty">none</span>}</dd>
        <dt>Inherent</dt>
        <dd>{scoreWords(risk.likelihood, risk.impact)}</dd>
        <dt>Residual</dt>
        <dd>
          {risk.residualLikelihood && risk.residualImpact ? scoreWords(risk.residualLikelihood, risk.residualImpact) : <span className="empty">not assessed</span>}
          {risk.residualAboveInherent && <strong className="bad"> — above the inherent risk</strong>}
        </dd>
        <dt>Treatment</dt>
        <dd>
          {treatmentLabels[risk.treatment]}
          {risk.controls.length > 0 && ` with ${risk.controls.join(', ')}`}
        </dd>
        <dt>Owner</dt>
        <dd>{risk.ownerName ?? <span className="empty">not set</span>}</dd>
        <dt>Status</dt>
        <dd>{words(risk.status)}</dd>
        <dt>Review by</dt>
        <dd className={risk.reviewOverdue ? 'bad' : undefined}>{risk.reviewDate ? dateWithDaysLeft(risk.reviewDate, today) : <span className="empty">no date</span>}</dd>
        <dt>Acceptance</dt>
        <dd data-testid="acceptance-status">
          <span className={`acceptance acceptance-${risk.acceptanceStatus}`}>{acceptanceStatusLabels[risk.acceptanceStatus]}</span>
          {a && (
            <span className="block small">
              Approved by {a.approver ?? 'nobody'} on <span className="nowrap">{a.approvedOn}</span>; expires{' '}
              <span className="nowrap">{dateWithDaysLeft(a.expiresOn, today)}</span>
              {a.rationale && `. ${a.rationale}`}
            </span>
          )}
          {risk.changedFields.length > 0 && <span className="block small bad">Changed since the approval: {risk.changedFields.join(', ')}</span>}
        </dd>
      </dl>
      {file && <ReviewNotes file={file} target={{ kind: 'risk', id: risk.id }} />}
      {!readOnly && (
        <div className="actions">
          <button type="button" className="btn" onClick={onEdit}>
            Edit…
          </button>
          <button type="button" className="btn" onClick={onAccept}>
            Accept residual risk…
          </button>
        </div>
      )}
    </section>
  );
}

export function RisksView() {
  const file = useApp((s) => s.current?.file ?? null);
  const readOnly = useApp((s) => s.current?.readOnly ?? false);
  const hasCatalog = useApp((s) => s.catalog !== null);
  const { register, selectedId, error } = useRisks();
  const systems = useSystems((s) => s.systems);
  const [mode, setMode] = useState<'none' | 'add' | 'edit' | 'accept'>('none');

  useEffect(() => {
    if (!file) return;
    void useRisks.getState().load(file);
    void useSystems.getState().load(file);
    if (!hasCatalog) void useApp.getState().loadCatalog();
  }, [file, hasCatalog]);

  const risks = register?.risks ?? [];
  const selected = risks.find((r) => r.id === selectedId) ?? null;
  const select = useRisks.getState().select;
  return (
    <div className="risks">
      <div className="toolbar">
        <p className="muted">Risks per AI system and threat, scored 1–5 for likelihood and impact, before and after treatment.</p>
        {!readOnly && (
          <button type="button" className="btn" onClick={() => setMode(mode === 'add' ? 'none' : 'add')} aria-expanded={mode === 'add'} disabled={systems.length === 0}>
            Add risk…
          </button>
        )}
      </div>
      {systems.length === 0 && <p className="muted">Add an AI system first: every risk belongs to one.</p>}
      {mode !== 'accept' && <ErrorNotice message={error} />}
      {mode === 'add' && <RiskForm risk={null} onDone={() => setMode('none')} />}
      {mode === 'edit' && selected && <RiskForm key={selected.id} risk={selected} onDone={() => setMode('none')} />}
      {mode === 'accept' && selected && <AcceptDialog risk={selected} onDone={() => setMode('none')} />}
      {register && (
        <section className="panel heatmap-panel" aria-label="Risk heat maps">
          <RiskHeatMap maps={register.heatMap} />
        </section>
      )}
      <div className="split">
        <table className="table risk-table">
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Risk</th>
              <th scope="col">Inherent</th>
              <th scope="col">Residual</th>
              <th scope="col">Review</th>
              <th scope="col">Acceptance</th>
            </tr>
          </thead>
          <tbody>
            {risks.map((r) => (
              <tr key={r.id} className={r.id === selectedId ? 'selected' : undefined} onClick={() => select(r.id)} aria-selected={r.id === selectedId}>
                <td className="mono">{r.id}</td>
                <td>
                  <button type="button" className="link" onClick={() => select(r.id)}>
                    {r.title}
                  </button>
                  <span className="block small muted">
                    {r.systemName} · {treatmentLabels[r.treatment]}
                    {r.ownerName ? ` · ${r.ownerName}` : ''}
                  </span>
                </td>
                <td>
                  <Score score={r.inherent} />
                </td>
                <td>
                  <Score score={r.residual} />
                </td>
                <td className={r.reviewOverdue ? 'bad nowrap' : 'nowrap'}>{r.reviewDate ? `${r.reviewDate}${r.reviewOverdue ? ' (overdue)' : ''}` : '—'}</td>
                <td>{r.acceptanceStatus === 'none' ? '—' : acceptanceStatusLabels[r.acceptanceStatus]}</td>
              </tr>
            ))}
            {risks.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  No risks recorded yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {selected && register && (
          <RiskDetail risk={selected} today={register.today} readOnly={readOnly} onEdit={() => setMode('edit')} onAccept={() => setMode('accept')} />
        )}
      </div>
    </div>
  );
}
