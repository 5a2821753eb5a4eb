import { type Document, LineCounter, isCollection, isNode, isPair, parseDocument } from 'yaml';
import type { z } from 'zod';
import { AssayError, describeIssues } from '../../shared/errors';
import { fieldPath, plainError } from '../../shared/plain-issues';
import { readInputText } from '../files/read-input';

/** Alias expansions allowed when a document is turned into values: enough for real anchors, not for a "billion laughs". */
export const MAX_YAML_ALIASES = 100;
/** Framework files nest a handful of levels; hundreds mean a hostile or broken file (and deep recursion). */
export const MAX_YAML_DEPTH = 64;
/** Problems listed in a refusal's message; the error's `issues` carry every one. */
export const MAX_LISTED_PROBLEMS = 100;

export interface YamlSource {
  file: string;
  doc: Document;
  lines: LineCounter;
  value: unknown;
}

function invalid(file: string, where: string, message: string): AssayError {
  return new AssayError('invalid_input', `${file}${where}: ${message}`);
}

/** The deepest nesting of mappings and sequences, walked without recursion; stops early past the limit. */
function tooDeep(doc: Document, lines: LineCounter): { line: number } | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isPair(node)) {
      stack.push({ node: node.key, depth }, { node: node.value, depth });
    } else if (isCollection(node)) {
      if (depth + 1 > MAX_YAML_DEPTH) return { line: node.range ? lines.linePos(node.range[0]).line : 1 };
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Parses YAML (or JSON, which is YAML) keeping positions. A syntax error names file, line and
 * column; nesting deeper than MAX_YAML_DEPTH and alias bombs are refused as invalid input.
 */
export function parseYaml(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const pos = lines.linePos(first.pos[0]);
    // The parser itself recurses on nested flow collections ([[[[…]]]]) and reports the overflow as a syntax error.
    if (first.message.includes('Maximum call stack')) throw invalid(file, `:${pos.line}`, `nested too deeply (more than ${MAX_YAML_DEPTH} levels)`);
    throw invalid(file, `:${pos.line}:${pos.col}`, first.message.split('\n')[0]!);
  }
  const deep = tooDeep(doc, lines);
  if (deep) throw invalid(file, `:${deep.line}`, `nested too deeply (more than ${MAX_YAML_DEPTH} levels)`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown;
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      throw invalid(file, '', `its aliases (*name) expand to too many values (more than ${MAX_YAML_ALIASES}); a file like this is refused as a resource-exhaustion attack`);
    if (error instanceof RangeError) throw invalid(file, '', `nested too deeply (more than ${MAX_YAML_DEPTH} levels)`);
    throw invalid(file, '', `cannot be read as YAML (${(error as Error).message})`);
  }
  return { file, doc, lines, value };
}

/** Reads a catalog file through the safe input reader (ASSAY_FRAMEWORKS_DIR can point anywhere). */
export function readYaml(file: string): YamlSource {
  return parseYaml(file, readInputText(file, { what: 'catalog files' }));
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
  const field = fieldPath(path);
  return { path: `${source.file}${line ? `:${line}` : ''} ${field}`, message };
}

export function locatedIssues(source: YamlSource, error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => locatedIssue(source, issue.path, issue.message));
}

/**
 * Collects every problem of one file so it is refused once with all of them, in the order they
 * appear in the file, instead of one problem per attempt.
 */
export class FileProblems {
  private readonly list: { line: number; order: number; issue: { path: string; message: string } }[] = [];

  constructor(readonly source: YamlSource) {}

  add(path: readonly PropertyKey[], message: string): void {
    this.list.push({ line: lineOf(this.source, path) ?? 0, order: this.list.length, issue: locatedIssue(this.source, path, message) });
  }

  addZod(error: z.ZodError, mapPath: (path: PropertyKey[]) => PropertyKey[] = (p) => p): void {
    for (const issue of error.issues) this.add(mapPath(issue.path), issue.message);
  }

  get count(): number {
    return this.list.length;
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const issues = [...this.list].sort((a, b) => a.line - b.line || a.order - b.order).map((p) => p.issue);
    // All of them travel in `issues`; the message stays readable when a generated file is wrong throughout.
    const shown = issues.slice(0, MAX_LISTED_PROBLEMS);
    const more = issues.length - shown.length;
    const message = describeIssues(this.source.file, shown) + (more > 0 ? `\n  … and ${more.toLocaleString('en')} more problems of the same file` : '');
    throw new AssayError('invalid_input', message, issues);
  }
}

/** Validates a parsed file with a schema; every problem names the file, the line and the field. */
export function validateYaml<S extends z.ZodType>(source: YamlSource, schema: S): z.output<S> {
  const parsed = schema.safeParse(source.value, { error: plainError });
  if (parsed.success) return parsed.data;
  const issues = locatedIssues(source, parsed.error);
  throw new AssayError('invalid_input', describeIssues(source.file, issues), issues);
}
