/** "1 control", "2 controls": a count with its noun, never "control(s)". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
