import type { CheckFindingRow } from '../../../../shared/command-groups/checks';
import { useApp } from '../../store';
import { emptyFilter } from '../../../../shared/domain/controls/filter';
import { useControls } from '../../controls-store';
import { useRisks } from '../../risks-store';
import { useSystems } from '../../systems-store';
import { useFindings } from '../../findings-store';

const severityLabel = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/** Opens the controls screen on one control, for the organisation or the system whose entry it is, filters cleared so it shows. */
export function openControl(id: string, systemId: string | null = null): void {
  // Naming the open file tells the screen this is no new file: it keeps the selection and the system.
  const file = useApp.getState().current?.file ?? null;
  useControls.setState({ file, selectedId: id, system: systemId, filter: emptyFilter });
  useApp.getState().setView('controls');
}

/** Where a finding is fixed, in words, and the way there. */
export function useFindingTarget() {
  const setView = useApp((s) => s.setView);
  const openInCatalog = useApp((s) => s.openInCatalog);
  const selectSystem = useSystems((s) => s.select);
  const selectRisk = useRisks((s) => s.select);
  return (f: CheckFindingRow): { place: string; go: (() => void) | null } => {
    const t = f.target;
    const scope = 'systemId' in t && t.systemId ? ` for ${t.systemId}` : '';
    switch (t.kind) {
      case 'control':
        return { place: `Control ${t.id}${scope}`, go: () => openControl(t.id, t.systemId) };
      case 'system':
        return { place: `AI system ${t.id}`, go: () => (selectSystem(t.id), setView('systems')) };
      case 'requirement':
        return { place: `Requirement ${t.id}${scope}`, go: () => openInCatalog({ kind: 'requirement', key: t.id }, { fresh: true }) };
      case 'risk':
        return { place: `Risk ${t.id}`, go: () => (selectRisk(t.id), setView('risks')) };
      case 'incident':
        return { place: `Incident ${t.id}`, go: () => setView('incidents') };
      case 'finding':
        return { place: `Finding ${t.id}`, go: () => (useFindings.getState().select(t.id), setView('findings')) };
    }
  };
}

/** Findings with their severity, what is wrong, and a button to the place to fix it. */
export function FindingList({ findings, empty }: { findings: readonly CheckFindingRow[]; empty: string }) {
  const target = useFindingTarget();
  if (findings.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="findings">
      {findings.map((f) => {
        const { place, go } = target(f);
        return (
          <li key={f.id} className={`finding finding-${f.severity}`}>
            <span className={`badge badge-severity-${f.severity}`}>{severityLabel[f.severity]}</span>
            <div className="finding-body">
              <p className="finding-title">{f.title}</p>
              <p className="small">{f.message}</p>
            </div>
            {go ? (
              <button type="button" className="btn btn-small" onClick={go} aria-label={`Fix: ${place}`}>
                {place}
              </button>
            ) : (
              <span className="muted small">{place}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
