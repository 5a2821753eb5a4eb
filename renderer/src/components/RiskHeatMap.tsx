import { useMemo } from 'react';
import { riskHeatmapOption } from '../../../shared/charts/risk-heatmap';
import type { HeatMap } from '../../../shared/domain/risk';
import { EChart } from './EChart';

/** The inherent and residual heat maps, drawn from the same option the reports render to SVG. */
export function RiskHeatMap({ maps }: { maps: { inherent: HeatMap; residual: HeatMap; residualNotAssessed: number } }) {
  const option = useMemo(() => riskHeatmapOption(maps), [maps]);
  return <EChart option={option} className="risk-heatmap" label="Risk heat maps, inherent and residual" testId="risk-heatmap" />;
}
