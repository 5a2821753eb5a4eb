import type { MetricInput } from '../../../shared/domain/human-risk/model';
import { metricInfo } from '../../../shared/domain/human-risk/model';
import type { ImportFormat } from '../../../shared/imports/model';
import { normaliseIdentifier } from '../../store/pseudonyms';
import type { ImportRecord, ReadContext, ReadResult } from '../importer';
import type { ImportSource } from '../source';

/**
 * What every human-risk reader shares: people become pseudonyms (unless the user keeps
 * identities), dates become calendar days, and what is kept as evidence is the figures as
 * imported, never the source file with its names and addresses.
 */

/** A person as the assessment will know them. */
export function personKey(ctx: Pick<ReadContext, 'options' | 'pseudonymise'>, identifier: string): string {
  return ctx.options.keepIdentities ? normaliseIdentifier(identifier) : ctx.pseudonymise(identifier);
}

/** "2019-04-02T15:02:38.000Z", "2021-02-07" or a US-style "10/28/2025, 9:35:29.137 AM" as 2019-04-02; null otherwise. */
export function dayOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)/.exec(value.trim());
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[,\s]|$)/.exec(value.trim());
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : us ? [us[3]!, us[1]!.padStart(2, '0'), us[2]!.padStart(2, '0')] : [];
  if (!y) return null;
  const day = `${y}-${m}-${d}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : null;
}

export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** One figure as an import record; the title names the subject as stored (pseudonym, group), never a person. */
export function figureRecord(externalId: string, location: string, figure: Omit<MetricInput, 'externalId' | 'control'> & { control?: MetricInput['control'] }): ImportRecord<MetricInput> {
  // Free text from the source is cut to what a figure holds, rather than refusing the figure.
  const cut = (v: string | null, max: number) => (v === null ? null : v.length > max ? `${v.slice(0, max - 1)}…` : v);
  const data: MetricInput = {
    ...figure,
    group: cut(figure.group, 200),
    label: cut(figure.label, 300),
    valueText: cut(figure.valueText, 100),
    control: figure.control ?? metricInfo[figure.metric].control,
    externalId: cut(externalId, 500)!,
  };
  const who = data.subjectKind === 'organisation' ? 'Organisation' : data.subject;
  const value = data.valueText ?? (data.value === null ? '' : String(Math.round(data.value * 100) / 100));
  return { kind: 'metric', externalId: data.externalId!, location, title: `${who}: ${metricInfo[data.metric].label} ${value}`.trim(), system: null, threat: null, data };
}

/** The evidence kept for a human-risk import: the figures with pseudonyms, and the original's hash. */
export function figuresEvidence(source: ImportSource, format: ImportFormat, records: readonly ImportRecord<MetricInput>[], pseudonymised: boolean): NonNullable<ReadResult['evidence']> {
  const body = {
    format,
    source: { name: source.name, sha256: source.sha256, size: source.size },
    people: pseudonymised ? "pseudonymised with the assessment's key (HMAC-SHA-256); the original file is not kept" : 'identities kept as in the source, at the importer\'s request',
    figures: records.map((r) => ({ location: r.location, ...r.data })),
  };
  return {
    name: `${source.name.replace(/\.[^.]+$/, '')}.figures.json`,
    bytes: Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8'),
    description: `Human-risk figures imported from ${source.name} (SHA-256 ${source.sha256}); ${pseudonymised ? 'people pseudonymised, the original with names not kept' : 'identities kept'}.`,
  };
}
