import type { ClassificationResult } from './result';

/**
 * A classification result as the short labels a list of systems shows, one per finding, in the
 * order of the questionnaire ("High-risk: Annex III point 5(b)", "Transparency: Art. 50(1)"). Every
 * door (the app, the command line, reports) uses these, so a system reads the same everywhere.
 */
export function resultLabels(result: ClassificationResult): string[] {
  const labels: string[] = [];
  if (result.prohibited.length > 0) labels.push(`Prohibited: ${result.prohibited.map((p) => p.ref).join(', ')}`);
  if (result.highRisk.length > 0) labels.push(`High-risk: ${result.highRisk.map((b) => b.ref).join(', ')}`);
  const d = result.derogation;
  if (d?.status === 'accepted') labels.push(`Not high-risk: derogation under ${d.conditions.map((c) => c.ref).join(', ')} for ${d.claimedFor.join(', ')}`);
  if (d?.status === 'refused') labels.push(`Derogation refused (profiling): ${d.conditions.map((c) => c.ref).join(', ')}`);
  if (d?.status === 'open') labels.push(`Derogation claimed, not yet decided: ${d.conditions.map((c) => c.ref).join(', ')}`);
  if (result.transparency.length > 0) labels.push(`Transparency: ${result.transparency.map((t) => t.ref).join(', ')}`);
  if (result.gpai.model)
    labels.push(
      result.gpai.systemicRisk === true
        ? `General-purpose AI model with systemic risk (${result.gpai.systemicBasis})`
        : result.gpai.systemicRisk === false
          ? 'General-purpose AI model without systemic risk'
          : 'General-purpose AI model, systemic risk not yet decided',
    );
  if (result.minimalRisk) labels.push('Minimal risk');
  if (!result.complete) labels.push(`Incomplete: ${result.missing.length} ${result.missing.length === 1 ? 'question' : 'questions'} to answer`);
  return labels;
}
