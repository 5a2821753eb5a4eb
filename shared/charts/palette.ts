import type { ControlState } from '../domain/control-state';
import type { CoverageStatus } from '../domain/coverage';

/** One palette for the app and the reports: the same state is the same colour everywhere. */
export const stateColours: Record<ControlState, string> = {
  not_started: '#c3cad4',
  in_progress: '#e0a526',
  implemented: '#2e9b63',
  not_applicable: '#8c7bc4',
};

export const coverageColours: Record<CoverageStatus, string> = {
  satisfied: '#2e9b63',
  partly: '#e0a526',
  not_satisfied: '#d0543f',
  not_applicable: '#8c7bc4',
  governance_only: '#9aa5b4',
};

export const chartText = { color: '#1d2733', fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fontSize: 12 };
