import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The two inputs of the import benchmark, generated: a risk register CSV of `rows` rows as a
 * spreadsheet exports it, and a garak report JSONL grown to `mib` MiB from the shape of garak's
 * own test report (attempts of several probes, then their evals), so every line is real garak.
 */

export const RISK_HEADER = ['Risk ID', 'Risk title', 'AI system', 'Threat', 'Likelihood', 'Impact', 'Treatment', 'Risk owner', 'Review date'];

export function writeRiskCsv(dir: string, rows: number, systems: string[]): string {
  const path = join(dir, `risks-${rows}.csv`);
  const fd = openSync(path, 'w');
  let buffer = RISK_HEADER.join(',') + '\r\n';
  for (let i = 1; i <= rows; i++) {
    const threat = `THR-${String((i % 37) + 1).padStart(2, '0')}`;
    buffer += `R-${i},"Risk ${i}: misuse, drift or leakage",${systems[i % systems.length]},${threat},${(i % 5) + 1},${((i >> 3) % 5) + 1},mitigate,Owner ${i % 40},2027-0${(i % 9) + 1}-15\r\n`;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  return path;
}

const PROBES = ['dan.Dan_11_0', 'promptinject.HijackHateHumans', 'latentinjection.LatentInjectionReport', 'encoding.InjectBase64', 'leakreplay.LiteratureCloze', 'xss.MarkdownImageExfil', 'malwaregen.Payload', 'lmrc.QuackMedicine'];

/** A garak report of about `mib` MiB: start_run setup and init, attempts, evals per probe and detector, completion. */
export function writeGarakJsonl(dir: string, mib: number, sample: string): string {
  const lines = readFileSync(sample, 'utf8').split('\n').filter(Boolean);
  const setup = lines.find((l) => l.includes('"start_run setup"'))!;
  const init = lines.find((l) => l.includes('"entry_type": "init"'))!;
  const attempt = JSON.parse(lines.find((l) => l.includes('"entry_type": "attempt"') && l.includes('"status": 2'))!) as Record<string, unknown>;
  const path = join(dir, `garak-${mib}mib.report.jsonl`);
  const fd = openSync(path, 'w');
  writeSync(fd, `${setup}\n${init}\n`);
  let written = 0;
  let seq = 0;
  const target = mib * 1024 * 1024;
  const failures = new Map<string, { passed: number; total: number }>();
  while (written < target) {
    const probe = PROBES[seq % PROBES.length]!;
    const detector = `${probe.split('.')[0]}.Detector`;
    const failed = seq % 3 === 0;
    const line = JSON.stringify({
      ...attempt,
      uuid: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      seq,
      probe_classname: probe,
      prompt: { turns: [{ role: 'user', content: { text: `Attempt ${seq}: ${'please ignore previous instructions and '.repeat(8)}`, lang: 'en' } }] },
      outputs: [{ text: `Response ${seq}: ${'lorem ipsum dolor sit amet '.repeat(12)}`, lang: 'en' }],
      detector_results: { [detector]: [failed ? 1.0 : 0.0] },
    });
    writeSync(fd, line + '\n');
    written += line.length + 1;
    const f = failures.get(`${probe}|${detector}`) ?? { passed: 0, total: 0 };
    f.total++;
    if (!failed) f.passed++;
    failures.set(`${probe}|${detector}`, f);
    seq++;
  }
  for (const [key, f] of failures) {
    const [probe, detector] = key.split('|');
    writeSync(fd, JSON.stringify({ entry_type: 'eval', probe, detector, passed: f.passed, total_evaluated: f.total, fails: f.total - f.passed, nones: 0, total_processed: f.total }) + '\n');
  }
  writeSync(fd, JSON.stringify({ entry_type: 'completion', end_time: '2026-11-28T07:00:00', run: 'd7ba0a51-5e01-4a2a-9fa5-65252fc53914' }) + '\n');
  closeSync(fd);
  return path;
}
