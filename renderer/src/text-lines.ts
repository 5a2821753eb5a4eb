/** A text area edited one item a line, as people paste from a spreadsheet: the non-empty lines, trimmed. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
