import { TextRun, type IRunOptions } from 'docx';
import type { ReportDoc } from '../../../../shared/reports/model';

/**
 * Text from an assessment (titles, owners, imported names) can hold characters XML 1.0 forbids
 * (C0 controls, U+FFFE/U+FFFF, lone surrogates); one of them makes Word refuse the whole file.
 * They are dropped (controls) or shown as U+FFFD (broken surrogates) before anything is written.
 */
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(forbidden, '').replace(loneSurrogate, '\uFFFD');
}

/** Every string of the model made XML-safe; chart options are left alone (they go to SVG, not to Word). */
export function safeDoc(doc: ReportDoc): ReportDoc {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return xmlSafe(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'option' ? v : walk(v)]));
    }
    return value;
  };
  return walk(doc) as ReportDoc;
}

/** A run per line: Word shows a newline inside w:t as a space, so line breaks become w:br. */
export function textRuns(text: string, props: Omit<IRunOptions, 'text' | 'children' | 'break'> = {}): TextRun[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => new TextRun({ ...props, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}
