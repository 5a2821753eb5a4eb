import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Catalog } from '../../shared/catalog/schema';
import { ImportOptions, type ImportOptionsParsed, type ImportProblem, type ImportSkip } from '../../shared/imports/model';
import type { ReadContext } from '../../electron/imports/importer';

/**
 * What the tabular import tests share: a read context that records problems and skips, a minimal
 * zip writer for hostile workbooks, and a consultant's messy register built with exceljs.
 */

export function readContext(catalog: Catalog, options: Partial<ImportOptionsParsed> = {}, saved: Record<string, Record<string, string>> = {}) {
  const problems: Omit<ImportProblem, 'file'>[] = [];
  const skips: ImportSkip[] = [];
  const ctx: ReadContext = {
    options: ImportOptions.parse(options),
    catalog,
    problem: (p) => problems.push(p),
    skip: (location, reason) => skips.push({ location, reason }),
    progress: () => undefined,
    isCancelled: () => false,
    savedMapping: (name) => saved[name],
    pseudonymise: (v) => v,
  };
  return { ctx, problems, skips, errors: () => problems.filter((p) => p.severity === 'error') };
}

/** A zip with the given parts, deflated (the way a bomb is made: a huge part of zeros compresses to almost nothing). */
export function zipOf(parts: Record<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    central.push(entry, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';

export function hostileWorkbooks(dir: string): { bomb: string; entity: string } {
  const bomb = join(dir, 'bomb.xlsx');
  writeFileSync(bomb, zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'xl/worksheets/sheet1.xml': Buffer.alloc(40 * 1024 * 1024) }));
  const entity = join(dir, 'entity.xlsx');
  const xml = '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><workbook>&lol2;</workbook>';
  writeFileSync(entity, zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'xl/workbook.xml': xml }));
  return { bomb, entity };
}

/**
 * A register as a consultant sends it: a notes sheet first, then the data sheet with a title block,
 * a two-row header ("Inherent" merged over Likelihood and Impact, the other names merged down), a
 * hidden score column of formulas, a system merged down over two rows, a formula with a saved
 * result and one without, dates as serials, as Excel dates and as text, a blank row and a total row.
 */
export async function messyRegister(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Instructions');
  notes.getCell('A1').value = 'How to fill in this register';
  notes.getCell('A2').value = 'Score each risk from 1 to 5; the score column is calculated.';
  notes.getCell('A3').value = 'Owner';
  notes.getCell('B3').value = 'The person accountable';
  const ws = wb.addWorksheet('Risk register');
  ws.getCell('A1').value = 'Acme Ltd: AI risk register, Q1 2026';
  ws.mergeCells('A1:J1');
  ws.getCell('A2').value = 'Prepared by the risk office; confidential';
  const top = ['Risk ID', 'Risk', 'AI system', 'Threat', 'Inherent', null, 'Score', 'Treatment', 'Risk owner', 'Review date', 'Approver', 'Acceptance expiry'];
  top.forEach((v, i) => (ws.getRow(4).getCell(i + 1).value = v));
  ws.getCell('E5').value = 'Likelihood';
  ws.getCell('F5').value = 'Impact';
  ws.mergeCells('E4:F4');
  for (const col of ['A', 'B', 'C', 'D', 'G', 'H', 'I', 'J', 'K', 'L']) ws.mergeCells(`${col}4:${col}5`);
  ws.getColumn('G').hidden = true;
  const rows: ExcelJS.CellValue[][] = [
    ['R-01', 'Prompt injection leaks customer data', 'Support assistant', 'Prompt injection', 'Likely', 'Major', { formula: 'E6*F6', result: 16 }, 'Mitigate', 'Dana Chen', 46082],
    ['R-02', 'Hallucinated refund promises', null, 'Hallucination', { formula: '2+1', result: 3 }, 4, { formula: 'E7*F7', result: 12 }, 'Accept', 'Dana Chen', new Date(Date.UTC(2026, 5, 30)), 'Sam Patel', '31/12/2026'],
    ['R-03', 'Model drift in scoring', 'Credit scoring', 'Drift', 2, 3, { formula: 'E8*F8', result: 6 }, 'accept', 'Lee Wong', '1 Mar 2026', { formula: 'VLOOKUP(I8,People!A:B,2)' }],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => (ws.getRow(6 + i).getCell(c + 1).value = v)));
  ws.mergeCells('C6:C7');
  ws.getCell('A10').value = 'Total';
  ws.getCell('G10').value = { formula: 'SUM(G6:G8)', result: 28 };
  await wb.xlsx.writeFile(file);
}
