import { type ControlState, controlStateLabels } from '../../../shared/domain/control-state';

export function StateBadge({ state }: { state: ControlState }) {
  return <span className={`badge badge-${state}`}>{controlStateLabels[state]}</span>;
}
