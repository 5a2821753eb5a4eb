import { type FormEvent, useId, useState } from 'react';
import { FormActions, SystemSelect } from '../../components/RegisterFields';
import { type RiskChanges, type RiskInput, type RiskRow } from '../../../../shared/domain/risk-register/register';
import { type RiskLevel, type RiskStatus, type Treatment, impactLabels, likelihoodLabels, riskLevels, riskStatuses, treatmentLabels, treatments } from '../../../../shared/domain/risk';
import { useApp } from '../../store';
import { useRisks } from '../../risks-store';
import { useSystems } from '../../systems-store';

const words = (s: string) => s.replace(/_/g, ' ');

function LevelSelect({ id, value, onChange, labels, optional }: { id: string; value: RiskLevel | null; onChange: (v: RiskLevel | null) => void; labels: Record<RiskLevel, string>; optional?: boolean }) {
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value ? (Number(e.target.value) as RiskLevel) : null)}>
      {optional && <option value="">not assessed</option>}
      {riskLevels.map((l) => (
        <option key={l} value={l}>
          {l} {labels[l]}
        </option>
      ))}
    </select>
  );
}

/** Adds a risk, or edits one (only the fields changed are sent). */
export function RiskForm({ risk, onDone }: { risk: RiskRow | null; onDone: () => void }) {
  const { add, update } = useRisks.getState();
  const systems = useSystems((s) => s.systems);
  const threats = useApp((s) => s.catalog?.threats ?? []);
  const [system, setSystem] = useState(risk?.systemId ?? systems[0]?.id ?? '');
  const [threat, setThreat] = useState(risk?.threatId ?? '');
  const [title, setTitle] = useState(risk?.title ?? '');
  const [description, setDescription] = useState(risk?.description ?? '');
  const [likelihood, setLikelihood] = useState<RiskLevel | null>(risk?.likelihood ?? 3);
  const [impact, setImpact] = useState<RiskLevel | null>(risk?.impact ?? 3);
  const [treatment, setTreatment] = useState<Treatment>(risk?.treatment ?? 'mitigate');
  const [controls, setControls] = useState(risk?.controls.join(', ') ?? '');
  const [residualLikelihood, setResidualLikelihood] = useState<RiskLevel | null>(risk?.residualLikelihood ?? null);
  const [residualImpact, setResidualImpact] = useState<RiskLevel | null>(risk?.residualImpact ?? null);
  const [owner, setOwner] = useState(risk?.ownerName ?? '');
  const [status, setStatus] = useState<RiskStatus>(risk?.status ?? 'open');
  const [reviewDate, setReviewDate] = useState(risk?.reviewDate ?? '');
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const values = {
      system,
      threat: threat || null,
      title,
      description: description.trim() || null,
      likelihood: likelihood!,
      impact: impact!,
      treatment,
      controls: controls.split(/[\s,;]+/).filter(Boolean).map((c) => c.toUpperCase()),
      residualLikelihood,
      residualImpact,
      owner: owner.trim() || null,
      status,
      reviewDate: reviewDate || null,
    };
    if (!risk) {
      if (await add(values as RiskInput)) onDone();
      return;
    }
    const before: Record<string, unknown> = { ...risk, system: risk.systemId, threat: risk.threatId, owner: risk.ownerName };
    const changes = Object.fromEntries(Object.entries(values).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k]))) as RiskChanges;
    if (Object.keys(changes).length === 0 || (await update(risk.id, changes))) onDone();
  }

  const field = (name: string) => `${id}-${name}`;
  return (
    <form className="panel risk-form" onSubmit={submit} aria-label={risk ? `Edit risk ${risk.id}` : 'Add risk'}>
      <h2>{risk ? `Edit ${risk.id}` : 'Add risk'}</h2>
      <div className="field-grid">
        <SystemSelect id={field('system')} systems={systems} value={system} onChange={setSystem} />
        <label htmlFor={field('threat')}>Threat</label>
        <select id={field('threat')} value={threat} onChange={(e) => setThreat(e.target.value)}>
          <option value="">none</option>
          {threats.map((t) => (
            <option key={t.id} value={t.id}>
              {t.id} {t.name}
            </option>
          ))}
        </select>
        <label htmlFor={field('title')}>Title</label>
        <input id={field('title')} value={title} onChange={(e) => setTitle(e.target.value)} required />
        <label htmlFor={field('description')}>Description</label>
        <textarea id={field('description')} value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
        <label htmlFor={field('likelihood')}>Likelihood</label>
        <LevelSelect id={field('likelihood')} value={likelihood} onChange={setLikelihood} labels={likelihoodLabels} />
        <label htmlFor={field('impact')}>Impact</label>
        <LevelSelect id={field('impact')} value={impact} onChange={setImpact} labels={impactLabels} />
        <label htmlFor={field('treatment')}>Treatment</label>
        <select id={field('treatment')} value={treatment} onChange={(e) => setTreatment(e.target.value as Treatment)}>
          {treatments.map((t) => (
            <option key={t} value={t}>
              {treatmentLabels[t]}
            </option>
          ))}
        </select>
        <label htmlFor={field('controls')}>Controls</label>
        <input id={field('controls')} value={controls} onChange={(e) => setControls(e.target.value)} placeholder="GOV-01, ACC-02" aria-describedby={field('controls-hint')} />
        <span id={field('controls-hint')} className="muted small hint">
          Control ids, separated by commas
        </span>
        <label htmlFor={field('rl')}>Residual likelihood</label>
        <LevelSelect id={field('rl')} value={residualLikelihood} onChange={setResidualLikelihood} labels={likelihoodLabels} optional />
        <label htmlFor={field('ri')}>Residual impact</label>
        <LevelSelect id={field('ri')} value={residualImpact} onChange={setResidualImpact} labels={impactLabels} optional />
        <label htmlFor={field('owner')}>Owner</label>
        <input id={field('owner')} value={owner} onChange={(e) => setOwner(e.target.value)} />
        <label htmlFor={field('status')}>Status</label>
        <select id={field('status')} value={status} onChange={(e) => setStatus(e.target.value as RiskStatus)}>
          {riskStatuses.map((s) => (
            <option key={s} value={s}>
              {words(s)}
            </option>
          ))}
        </select>
        <label htmlFor={field('review')}>Review by</label>
        <input id={field('review')} type="date" value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} />
      </div>
      <FormActions submit={risk ? 'Save changes' : 'Add risk'} disabled={!title.trim() || !system} onCancel={onDone} />
    </form>
  );
}
