import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts reports embed: Roboto (Apache-2.0), as shipped inside the pdfmake package, so nothing
 * is downloaded at run time and every format (PDF, DOCX, chart images) uses the same faces.
 */

const requireHere = createRequire(import.meta.url);

export const fontFiles = {
  regular: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italic: 'Roboto-Italic.ttf',
  boldItalic: 'Roboto-MediumItalic.ttf',
} as const;
export type FontFace = keyof typeof fontFiles;

export const FONT_FAMILY = 'Roboto';

export function fontDir(): string {
  return join(dirname(requireHere.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
}

export function fontPath(face: FontFace): string {
  return join(fontDir(), fontFiles[face]);
}

const cache = new Map<FontFace, Buffer>();
export function fontBytes(face: FontFace): Buffer {
  let bytes = cache.get(face);
  if (!bytes) cache.set(face, (bytes = readFileSync(fontPath(face))));
  return bytes;
}
