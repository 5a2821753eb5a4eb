import type { Cell } from '../../../shared/reports/model';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return,
 * that some importers strip before doing so): the OWASP "CSV injection" list. A report cell such
 * as `=HYPERLINK("http://evil")` came from assessment data someone typed or imported; opened in
 * Excel it must show as text, never run.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * The text a CSV or XLSX cell holds: a string that would start a formula gets a single quote in
 * front (Excel shows the rest as text, and removing the quote gives the text back); everything
 * else, numbers included, is kept as it is. One function for both formats so they never disagree.
 */
export function safeText(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}

export function safeCell(cell: Cell): string | number | null {
  return typeof cell === 'string' ? safeText(cell) : cell;
}

/** True when a string would be read as a formula: tests and checks use the same list. */
export function startsFormula(text: string): boolean {
  return text.length > 0 && FORMULA_START.has(text[0]!);
}
