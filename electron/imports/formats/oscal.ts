import type { FormatReader, ReadContext, ReadResult, Sniff } from '../importer';
import { jsonPath } from '../safe-json';
import type { ImportSource } from '../source';
import { clip, need, obj, readJson, str } from './json-shape';
import { catalogRecord } from './oscal-catalog';
import { assessmentFindings, poamFindings } from './oscal-findings';

/**
 * NIST OSCAL 1.x JSON. Three models carry what Assay keeps: a catalog (a custom framework),
 * assessment results and a plan of action and milestones (findings). The others are recognised
 * by name and refused with what they are, so nobody wonders why a profile imported nothing.
 */

const IMPORTED = {
  catalog: 'catalog',
  'assessment-results': 'assessment results',
  'plan-of-action-and-milestones': 'plan of action and milestones (POA&M)',
} as const;

const REFUSED: Record<string, string> = {
  profile: 'profile (a selection of controls from catalogs; resolve it into a catalog with an OSCAL tool and import that)',
  'system-security-plan': 'system security plan (SSP)',
  'component-definition': 'component definition',
  'assessment-plan': 'assessment plan (it says what will be assessed, not what was found)',
  'mapping-collection': 'mapping collection',
};

const MODELS = [...Object.keys(IMPORTED), ...Object.keys(REFUSED)];

export function detectOscal(sniff: Sniff): number {
  // The model is the document's one key, after an optional "$schema".
  const first = /^\s*\{\s*(?:"\$schema"\s*:\s*"[^"]*"\s*,\s*)?"([a-z-]+)"\s*:\s*\{/.exec(sniff.head)?.[1];
  if (first && MODELS.includes(first)) return /"oscal-version"\s*:/.test(sniff.head) || /"uuid"\s*:/.test(sniff.head) ? 95 : 60;
  return /"oscal-version"\s*:/.test(sniff.head) ? 50 : 0;
}

const WHAT_ASSAY_READS = 'Assay imports OSCAL catalogs (as a custom framework), assessment results and plans of action and milestones (as findings)';

export function readOscal(source: ImportSource, ctx: ReadContext): ReadResult {
  const root = need(readJson(source), ctx, '$', null, 'an OSCAL document (an object with one model, such as "catalog")');
  if (!root) return { records: [] };
  const name = Object.keys(root).find((k) => MODELS.includes(k));
  if (!name) {
    ctx.problem({ severity: 'error', location: '$', field: null, message: `is not an OSCAL document Assay knows (its top-level keys are ${Object.keys(root).slice(0, 5).join(', ') || 'none'}); ${WHAT_ASSAY_READS}` });
    return { records: [] };
  }
  if (REFUSED[name]) {
    ctx.problem({ severity: 'error', location: jsonPath(name), field: null, message: `this file is an OSCAL ${REFUSED[name]}. ${WHAT_ASSAY_READS}; nothing was imported` });
    return { records: [] };
  }
  const model = need(root[name], ctx, jsonPath(name), null, `the ${IMPORTED[name as keyof typeof IMPORTED]} (an object)`);
  if (!model) return { records: [] };
  const metadata = obj(model.metadata);
  const version = str(metadata?.['oscal-version']);
  if (!version || !version.startsWith('1.'))
    ctx.problem({ severity: 'warning', location: jsonPath(name, 'metadata'), field: 'oscal-version', message: `${version ? `is ${version}` : 'is missing'}; Assay reads OSCAL 1.x and reads this file as that` });
  const title = clip(str(metadata?.title) ?? source.name, 150);
  if (name === 'catalog') {
    const record = catalogRecord(model, source, ctx);
    return { records: record ? [record] : [] };
  }
  if (name === 'assessment-results') return { records: assessmentFindings(model, `OSCAL assessment results: ${title}`, ctx) };
  return { records: poamFindings(model, `OSCAL POA&M: ${title}`, ctx) };
}

export const oscalReader: FormatReader = {
  format: 'oscal',
  label: 'NIST OSCAL JSON (catalog, assessment results, POA&M)',
  kinds: ['framework', 'finding'],
  detect: detectOscal,
  read: readOscal,
};
