import type { Assessment } from '../store/assessment';
import type { EngineHooks } from './engine';

/**
 * What the engine takes from outside the source file, for one assessment: the keyed hash that
 * pseudonymises people (its key lives in the assessment) and the user's saved column mappings.
 * `writing` is false for a preview of a file opened read-only.
 */
export function engineHooks(_a: Assessment, _writing: boolean): Pick<EngineHooks, 'pseudonymise' | 'savedMapping'> {
  return {};
}
