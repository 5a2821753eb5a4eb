import { extname } from 'node:path';
import { AssayError } from '../../shared/errors';
import type { ImportFormatChoice } from '../../shared/imports/model';
import type { FormatReader, Sniff } from './importer';
import type { ImportSource } from './source';

/**
 * The format is decided by the content, not the name: every reader scores the file's first
 * 64 KiB and the surest wins. The user can always choose; a choice nobody can read is named.
 */

export function sniffOf(source: Pick<ImportSource, 'name' | 'head'>): Sniff {
  const head = source.head;
  const zip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  let text = '';
  if (!zip) {
    const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
    text = new TextDecoder(utf16 ? (head[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(head);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  return { name: source.name, ext: extname(source.name).slice(1).toLowerCase(), head: text, zip };
}

export function chooseReader(source: Pick<ImportSource, 'name' | 'head'>, choice: ImportFormatChoice, readers: readonly FormatReader[]): { reader: FormatReader; reason: string } {
  if (choice !== 'auto') {
    const chosen = readers.find((r) => r.format === choice);
    if (!chosen) throw new AssayError('usage', `${source.name}: the format ${choice} cannot be imported yet (formats: ${readers.map((r) => r.format).join(', ')})`);
    return { reader: chosen, reason: 'chosen' };
  }
  const sniff = sniffOf(source);
  const scored = readers.map((reader) => ({ reader, score: reader.detect(sniff) })).filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best)
    throw new AssayError(
      'invalid_input',
      `${source.name}: its format was not recognised from its content; choose one with --format (${readers.map((r) => r.format).join(', ')})`,
    );
  return { reader: best.reader, reason: `detected from the content${scored[1] && scored[1].score === best.score ? ` (also looks like ${scored[1].reader.format}; choose with --format if that is wrong)` : ''}` };
}
