import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY, type FontFace, fontFiles, fontPath } from '../../fonts';

/**
 * pdfmake 0.3 under Node is one shared instance (`require('pdfmake')`), so it is set up once.
 *
 * Fonts are given by their real paths inside the pdfmake package (fonts.ts), not through
 * pdfmake's virtual file system: chart text inside an SVG is set by svg-to-pdfkit, which asks
 * pdfkit to open the font file by the name pdfmake hands it, and pdfkit reads that name from
 * disk. With virtual names every chart label failed to find its font. The local access policy
 * therefore allows exactly the four Roboto files and the PDF standard-14 font names (pdfmake
 * consults it for those names too); every URL is refused, so nothing is ever downloaded and no
 * system font is ever used.
 */

interface PdfmakeInstance {
  addFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const requireHere = createRequire(import.meta.url);

const standard14 = [
  'Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique',
  'Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique',
  'Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic',
  'Symbol', 'ZapfDingbats',
];

let instance: PdfmakeInstance | null = null;

export function pdfmake(): PdfmakeInstance {
  if (instance) return instance;
  const pm = requireHere('pdfmake') as PdfmakeInstance;
  const allowed = new Set([...standard14, ...(Object.keys(fontFiles) as FontFace[]).map(fontPath)]);
  pm.addFonts({
    [FONT_FAMILY]: { normal: fontPath('regular'), bold: fontPath('bold'), italics: fontPath('italic'), bolditalics: fontPath('boldItalic') },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => allowed.has(path));
  instance = pm;
  return pm;
}
