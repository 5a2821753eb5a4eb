import { canonicalJson } from '../../shared/domain/canonical-json';
import { type ClassificationAnswers, type ClassificationResult, classify, resultLabels } from '../../shared/domain/classification';
import type { Assessment } from './assessment';
import { findSystem } from './systems';

export interface StoredClassification {
  answers: ClassificationAnswers;
  result: ClassificationResult;
  labels: string[];
  classifiedAt: string;
}

/**
 * Records a system's questionnaire answers and the result the rules conclude from them; the
 * entry carries both, so replay rebuilds the row even if later rules would conclude otherwise.
 */
export function classifySystem(a: Assessment, idOrName: string, answers: ClassificationAnswers, actor: string): StoredClassification {
  const system = findSystem(a, idOrName);
  const result = classify(answers);
  a.write((at) => {
    const entry = a.audit({ at, actor, command: 'systems.classify', entity: 'system', entityId: system.id, payload: { answers, result } });
    a.db
      .prepare(
        `INSERT INTO system_classification (system_id, answers, result, classified_at, classified_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (system_id) DO UPDATE SET answers = excluded.answers, result = excluded.result,
           classified_at = excluded.classified_at, classified_by = excluded.classified_by`,
      )
      .run(system.id, canonicalJson(answers), canonicalJson(result), at, entry.actor);
  });
  return readClassification(a, system.id)!;
}

export function readClassification(a: Assessment, systemId: string): StoredClassification | null {
  const row = a.db.prepare('SELECT answers, result, classified_at FROM system_classification WHERE system_id = ?').get(systemId) as
    | { answers: string; result: string; classified_at: string }
    | undefined;
  if (!row) return null;
  const result = JSON.parse(row.result) as ClassificationResult;
  return { answers: JSON.parse(row.answers) as ClassificationAnswers, result, labels: resultLabels(result), classifiedAt: row.classified_at };
}
