/**
 * Text from red-team results carries what attacks are made of: Unicode tag characters (U+E0000 to
 * U+E007F, invisible, used for "ASCII smuggling"), zero-width and bidirectional controls, and ANSI
 * escape sequences that would repaint a terminal. The original text is kept; wherever it is shown,
 * these become visible: hidden tag text as ⟦hidden: …⟧, other invisible characters as <U+200B>,
 * control characters as \x1b.
 */

const TAG_RUN = /[\u{E0000}-\u{E007F}]+/gu;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** The ASCII a run of tag characters spells (each tag character mirrors one ASCII character). */
export function decodeTags(run: string): string {
  return [...run].map((ch) => String.fromCodePoint(ch.codePointAt(0)! - 0xe0000)).join('');
}

/** How many invisible or control characters the text holds, and the text its tag characters hide. */
export function hiddenContent(text: string): { tagCharacters: number; hidden: string[]; invisible: number; control: number } {
  const runs = text.match(TAG_RUN) ?? [];
  return {
    tagCharacters: runs.reduce((n, r) => n + [...r].length, 0),
    hidden: runs.map(decodeTags),
    invisible: (text.match(INVISIBLE) ?? []).length,
    control: (text.match(CONTROL) ?? []).length,
  };
}

const hex = (cp: number, width: number) => cp.toString(16).toUpperCase().padStart(width, '0');

/** The text with everything invisible made visible; safe to print on a terminal or show on screen. */
export function visibleText(text: string): string {
  return text
    .replace(TAG_RUN, (run) => `⟦hidden: ${visibleText(decodeTags(run))}⟧`)
    .replace(INVISIBLE, (ch) => `<U+${hex(ch.charCodeAt(0), 4)}>`)
    .replace(CONTROL, (ch) => `\\x${hex(ch.charCodeAt(0), 2).toLowerCase()}`);
}
