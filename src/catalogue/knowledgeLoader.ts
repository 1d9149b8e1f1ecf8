/**
 * Loads procedure entries from a folder of YAML files (knowledge/).
 * A bad file stops loading with the file name, the field path and the line.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { procedureEntrySchema, type Procedure } from './schema.js';
import { normalizeText } from '../language/normalize.js';

export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n  ${problems.join('\n  ')}`);
    this.name = 'KnowledgeError';
  }
}

/** Lists the entry files of a knowledge folder, sorted; files starting with "_" are not entries. */
export async function listKnowledgeFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('_'))
    .sort()
    .map((n) => path.join(dir, n));
}

/** Parses and validates one entry file. Throws KnowledgeError. */
export async function loadKnowledgeFile(file: string): Promise<Procedure> {
  const source = normalizeText(await readFile(file, 'utf8'));
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new KnowledgeError(
      file,
      doc.errors.map((e) => `YAML không hợp lệ (dòng ${lines.linePos(e.pos[0]).line}): ${e.message}`),
    );
  }
  const parsed = procedureEntrySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new KnowledgeError(file, describeIssues(parsed.error, (p) => lineOf(doc, lines, p)));
  }
  const entry = parsed.data;
  const id = entry.code ?? path.basename(file).replace(/\.ya?ml$/i, '');
  const declared = Object.keys(doc.toJS() as object);
  return { ...entry, id, origin: { kind: 'knowledge', path: file, declared } };
}

/** Loads every entry of a folder; collects all problems before failing. */
export async function loadKnowledgeDir(dir: string): Promise<Procedure[]> {
  const files = await listKnowledgeFiles(dir);
  const results = await Promise.allSettled(files.map(loadKnowledgeFile));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (errors.length > 0) {
    const knowledgeErrors = errors.filter((e): e is KnowledgeError => e instanceof KnowledgeError);
    if (knowledgeErrors.length !== errors.length) throw errors.find((e) => !(e instanceof KnowledgeError));
    throw new AggregateKnowledgeError(knowledgeErrors);
  }
  const procedures = results.map((r) => (r as PromiseFulfilledResult<Procedure>).value);
  assertUniqueIds(procedures);
  return procedures;
}

export class AggregateKnowledgeError extends Error {
  constructor(readonly errors: KnowledgeError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'AggregateKnowledgeError';
  }
}

function assertUniqueIds(procedures: Procedure[]): void {
  const seen = new Map<string, string>();
  for (const p of procedures) {
    const other = seen.get(p.id);
    if (other) throw new KnowledgeError(p.origin.path, [`code: mã ${p.id} đã có trong ${other}`]);
    seen.set(p.id, p.origin.path);
  }
}

/** One readable line per zod issue: "path.to.field: message (dòng N)". */
export function describeIssues(
  error: z.ZodError,
  line: (path: PropertyKey[]) => number | undefined = () => undefined,
): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(toàn bộ tệp)';
    const n = line(issue.path);
    return `${where}: ${issue.message}${n ? ` (dòng ${n})` : ''}`;
  });
}

function lineOf(
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  issuePath: PropertyKey[],
): number | undefined {
  // Walk up until a node exists: a missing key is reported at its parent.
  for (let depth = issuePath.length; depth >= 0; depth--) {
    const node = doc.getIn(issuePath.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
