import { useState } from 'react';
import type { SystemCorrelation } from '../../../../shared/domain/human-risk/correlation';
import { groupFiguresLine } from '../../../../shared/domain/human-risk/words';
import { type RiskLevel, impactLabels, likelihoodLabels, riskLevels } from '../../../../shared/domain/risk';
import { useHumanRisk } from '../../human-risk-store';

type Threat = SystemCorrelation['threats'][number];

/** Feeds the suggested likelihood to the register: updates the system's risk for the threat, or adds one with the impact chosen. */
function LikelihoodAction({ system, threat, readOnly }: { system: SystemCorrelation; threat: Threat; readOnly: boolean }) {
  const applyLikelihood = useHumanRisk((s) => s.applyLikelihood);
  const [impact, setImpact] = useState<RiskLevel>(3);
  if (threat.suggested === null || readOnly) return null;
  const level = threat.suggested as RiskLevel;
  const run = () => void applyLikelihood({ systemId: system.systemId, threatId: threat.threatId, threatName: threat.threatName, riskId: threat.risk?.id ?? null, likelihood: level, impact });
  if (threat.risk)
    return threat.risk.likelihood === level ? (
      <span className="muted small">matches</span>
    ) : (
      <button type="button" className="btn btn-small" onClick={run}>
        Set likelihood to {level}
        <span className="visually-hidden">
          {' '}
          in {threat.risk.id} for {system.systemName}
        </span>
      </button>
    );
  // A new risk is worth proposing only where the people make the threat at least possible.
  if (level < 3) return <span className="muted small">low: no risk proposed</span>;
  return (
    <span className="hr-add-risk">
      <label>
        <span className="visually-hidden">Impact of a new {threat.threatId} risk for {system.systemName}</span>
        <select value={impact} onChange={(e) => setImpact(Number(e.target.value) as RiskLevel)}>
          {riskLevels.map((l) => (
            <option key={l} value={l}>
              impact {l} {impactLabels[l]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-small" onClick={run}>
        Add risk (likelihood {level})
        <span className="visually-hidden">
          {' '}
          for {threat.threatId} in {system.systemName}
        </span>
      </button>
    </span>
  );
}

/** One AI system: the groups that own, operate or use it with their figures, and what they suggest for people-driven threats. */
export function SystemCorrelationCard({ system, readOnly }: { system: SystemCorrelation; readOnly: boolean }) {
  const headingId = `hr-${system.systemId}`;
  const suggested = system.threats.filter((t) => t.suggested !== null);
  return (
    <section className={`panel hr-system${system.highRisk ? ' hr-system-high' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {system.systemId} {system.systemName}
        {system.highRisk && <span className="badge hr-badge-high">High-risk users</span>}
      </h3>
      {system.groups.length === 0 ? (
        <p className="muted">No business unit or groups are named on this system: set them in AI systems to match the human-risk figures.</p>
      ) : (
        <ul className="hr-groups">
          {system.groups.map((g) => (
            <li key={`${g.relation}-${g.name}`}>
              <span className="hr-relation">{g.relation}</span> <strong>{g.name}</strong>: {g.figures ? groupFiguresLine(g.figures) : <span className="muted">no figures for this group</span>}
            </li>
          ))}
        </ul>
      )}
      {suggested.length > 0 && (
        <table className="table hr-threats">
          <caption className="visually-hidden">People-driven threats to {system.systemName}</caption>
          <thead>
            <tr>
              <th scope="col">Threat</th>
              <th scope="col">Suggested likelihood</th>
              <th scope="col">Why</th>
              <th scope="col">In the register</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {suggested.map((t) => (
              <tr key={t.threatId}>
                <th scope="row">
                  {t.threatId} {t.threatName}
                </th>
                <td>
                  <span className={`badge ${t.highRisk ? 'hr-badge-high' : 'hr-badge-level'}`}>
                    {t.suggested} {likelihoodLabels[t.suggested as RiskLevel]}
                  </span>
                </td>
                <td className="small">{t.basis}</td>
                <td>{t.risk ? `${t.risk.id}: likelihood ${t.risk.likelihood}` : <span className="muted">no risk yet</span>}</td>
                <td>
                  <LikelihoodAction system={system} threat={t} readOnly={readOnly} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
