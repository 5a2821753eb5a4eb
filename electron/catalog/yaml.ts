import { readFileSync } from 'node:fs';
import { type Document, LineCounter, isNode, parseDocument } from 'yaml';
import type { z } from 'zod';
import { AssayError, describeIssues } from '../../shared/errors';

export interface YamlSource {
  file: string;
  doc: Document;
  lines: LineCounter;
  value: unknown;
}

/** Parses YAML (or JSON, which is YAML) keeping positions; a syntax error names file, line and column. */
export function parseYaml(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const pos = lines.linePos(first.pos[0]);
    throw new AssayError('invalid_input', `${file}:${pos.line}:${pos.col}: ${first.message.split('\n')[0]}`);
  }
  return { file, doc, lines, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
}

export function readYaml(file: string): YamlSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AssayError('not_found', `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseYaml(file, text);
}

/** The line of the deepest node that exists along a path, so a missing field points at its parent. */
export function lineOf(source: YamlSource, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = source.doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return source.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** One problem, located as "file:line field" so a reader can go straight to it. */
export function locatedIssue(source: YamlSource, path: readonly PropertyKey[], message: string): { path: string; message: string } {
  const line = lineOf(source, path);
  const field = path.length ? path.map(String).join('.') : '(top level)';
  return { path: `${source.file}${line ? `:${line}` : ''} ${field}`, message };
}

export function locatedIssues(source: YamlSource, error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => locatedIssue(source, issue.path, issue.message));
}

/** Validates a parsed file with a schema; every problem names the file, the line and the field. */
export function validateYaml<S extends z.ZodType>(source: YamlSource, schema: S): z.output<S> {
  const parsed = schema.safeParse(source.value);
  if (parsed.success) return parsed.data;
  const issues = locatedIssues(source, parsed.error);
  throw new AssayError('invalid_input', describeIssues(source.file, issues), issues);
}
