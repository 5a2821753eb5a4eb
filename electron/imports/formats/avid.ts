import { defconOfPassRate, severityOfDefcon } from '../../../shared/domain/findings/lifecycle';
import { avidTarget, garakTarget } from '../../../shared/imports/redteam-map';
import { AssayError } from '../../../shared/errors';
import type { FormatReader, ReadResult } from '../importer';
import { parseJson } from '../safe-json';
import { loadRedteamMap } from './redteam-map';
import { asArray, asNumber, asRecord, asString, externalId, findingRecord, systemOf, trimText } from './redteam-common';

/**
 * AVID reports (data_version 0.1, 0.2 and the 0.3 reports garak writes): one finding per report,
 * about the artifact it affects. The threat comes from the garak probe the report names, when it
 * names one, else from its AVID taxonomy codes (SEP view).
 */

const desc = (v: unknown) => asString(asRecord(v).value);

export const avidReader: FormatReader = {
  format: 'avid',
  label: 'AVID report (JSON)',
  kinds: ['finding'],
  detect: (sniff) => (/"data_type"\s*:\s*"AVID"/.test(sniff.head) ? 95 : 0),
  read(source, ctx): ReadResult {
    const map = loadRedteamMap();
    const root = asRecord(parseJson(source.text(), source.name));
    if (root.data_type !== 'AVID') throw new AssayError('invalid_input', `${source.name}: is JSON but not an AVID report ($.data_type is ${JSON.stringify(root.data_type ?? null)})`);
    const id = asString(asRecord(root.metadata).report_id);
    if (!id) ctx.problem({ severity: 'warning', location: '$.metadata', field: 'report_id', message: 'the report has no id; its file name identifies it instead' });
    const artifacts = asArray(asRecord(root.affects).artifacts).map(asRecord);
    const artifact = artifacts.map((a) => asString(a.name)).find(Boolean) ?? null;
    if (!artifact) ctx.problem({ severity: 'warning', location: '$.affects.artifacts', field: 'name', message: 'names no affected model or system' });
    const problem = desc(asRecord(root.problemtype).description);
    const description = desc(root.description);
    const impact = asRecord(asRecord(root.impact).avid);
    const sep = asArray(impact.sep_view).filter((s): s is string => typeof s === 'string');
    const probe = /probe `?([a-z0-9_]+\.[A-Za-z0-9_]+)`?/.exec(`${problem ?? ''} ${description ?? ''}`)?.[1] ?? null;
    const target = probe && garakTarget(map, probe).threats.length ? garakTarget(map, probe) : avidTarget(map, sep);
    const rows = asArray(asRecord(asRecord(asArray(root.metrics)[0]).results).rows).map(asRecord);
    const passed = rows.reduce((n, r) => n + (asNumber(r.passed) ?? 0), 0);
    const total = rows.reduce((n, r) => n + (asNumber(r.total_evaluated) ?? 0), 0);
    const system = systemOf(ctx, artifact);
    const version = asString(root.data_version);
    return {
      records: [
        findingRecord({
          externalId: externalId('avid', id ?? source.name, system),
          location: '$',
          title: problem ?? id ?? source.name,
          system,
          target,
          references: [id, asString(impact.vuln_id), probe, ...sep, ...asArray(root.references).map((r) => asString(asRecord(r).url))].filter((r): r is string => Boolean(r)),
          data: {
            tool: `AVID${version ? ` ${version}` : ''}`,
            severity: total > 0 ? severityOfDefcon(defconOfPassRate(passed / total)) : 'medium',
            description: trimText(description),
            status: null,
            statusReason: null,
            prompt: null,
            response: null,
            where: [artifact && `artifact ${artifact}`, probe && `probe ${probe}`, ...rows.map((r) => asString(r.detector) && `detector ${asString(r.detector)}`)].filter(Boolean).join(', ') || null,
            detectedAt: asString(root.reported_date),
            attempts: total > 0 ? { total, failed: total - passed } : null,
          },
        }),
      ],
    };
  },
};
