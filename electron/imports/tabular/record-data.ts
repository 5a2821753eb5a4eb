import type { ControlState } from '../../../shared/domain/control-state';
import type { RiskLevel, RiskStatus, Treatment } from '../../../shared/domain/risk';
import type { ControlType } from '../../../shared/catalog/schema';

/**
 * What a row of a risk register or a control list carries to its sink, already read into Assay's
 * values (levels 1–5, ISO dates, treatments, states). Null: the source does not give it. `invalid`
 * marks a row whose values could not be read (the reader reported each problem): the sink skips it.
 */

export interface RiskRowData {
  ref: string | null;
  title: string;
  description: string | null;
  likelihood: RiskLevel | null;
  impact: RiskLevel | null;
  treatment: Treatment;
  residualLikelihood: RiskLevel | null;
  residualImpact: RiskLevel | null;
  owner: string | null;
  status: RiskStatus | null;
  reviewDate: string | null;
  /** Controls as the source names them: catalog or own control ids, or names. */
  controls: string[];
  approver: string | null;
  acceptanceExpiry: string | null;
  rationale: string | null;
  invalid: boolean;
}

export interface ControlRowData {
  ref: string | null;
  name: string;
  description: string | null;
  /** Null: the source gives no state (a crosswalk), so the control's state is left as it is. */
  state: ControlState | null;
  justification: string | null;
  type: ControlType;
  owner: string | null;
  dueDate: string | null;
  nextReview: string | null;
  lastReview: string | null;
  notes: string | null;
  /** Requirement references (framework-id:item-id) found in the catalog, with where they came from. */
  requirements: { ref: string; via: string }[];
  /** Catalog control ids the source names (CISO Assistant's reference_control). */
  catalogControls: string[];
  invalid: boolean;
}
