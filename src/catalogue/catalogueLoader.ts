/**
 * Reads the national procedure catalogue interchange format (JSON Lines,
 * optionally gzip-compressed; see shared/data/README.md) into procedures.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { procedureEntrySchema, type ChannelKind, type Procedure, type ProcedureEntry } from './schema.js';
import { KnowledgeError, describeIssues } from './knowledgeLoader.js';
import { normalizeText } from '../language/normalize.js';

const nullableText = z.string().nullable();

/** One line of the interchange file. Unknown keys are ignored so newer exports still load. */
export const catalogueRecordSchema = z.object({
  code: z.string(),
  name: z.string().min(1),
  url: z.string(),
  levels: z.array(z.string()),
  field: z.string(),
  kind: z.string().optional(),
  audience: z.array(z.string()).default([]),
  authority: z.string().default(''),
  agency: z.string().default(''),
  receivingAddress: nullableText.default(null),
  steps: z.array(z.string()).default([]),
  channels: z.array(
    z.object({
      channel: z.enum(['Trực tiếp', 'Trực tuyến', 'Dịch vụ bưu chính']),
      time: nullableText,
      fee: nullableText,
      note: nullableText,
    }),
  ),
  documentGroups: z.array(
    z.object({
      case: nullableText,
      documents: z.array(z.object({ name: z.string(), template: nullableText, copies: nullableText })),
    }),
  ),
  legalBasis: z.array(z.object({ title: z.string(), number: nullableText.optional() })).default([]),
  conditions: nullableText.default(null),
  result: nullableText.default(null),
  relatedProcedures: nullableText.optional(),
  decision: z.string().optional(),
});
export type CatalogueRecord = z.infer<typeof catalogueRecordSchema>;

const CHANNELS: Record<CatalogueRecord['channels'][number]['channel'], ChannelKind> = {
  'Trực tiếp': 'in-person',
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'post',
};

const KNOWN_LEVELS = new Set(['Cấp bộ', 'Cấp tỉnh', 'Cấp xã', 'Cơ quan khác']);

/** Maps one interchange record onto our entry shape (before validation). */
export function entryFromRecord(record: CatalogueRecord): ProcedureEntry {
  const blankToUndefined = (s: string | null | undefined) => (s && s.trim() ? s.trim() : undefined);
  const levels = record.levels.filter((l) => KNOWN_LEVELS.has(l)) as ProcedureEntry['levels'];
  return {
    code: record.code,
    name: record.name.trim(),
    field: record.field.trim() || 'Chưa phân loại',
    levels: levels.length > 0 ? levels : ['Cơ quan khác'],
    agency: blankToUndefined(record.agency) ?? blankToUndefined(record.authority),
    where: blankToUndefined(record.receivingAddress),
    channels: record.channels.map((c) => ({
      channel: CHANNELS[c.channel],
      time: catalogueTime(c.time),
      fee: catalogueFee(c.fee),
      note: blankToUndefined(c.note) ?? null,
    })),
    online: {
      level: record.channels.some((c) => c.channel === 'Trực tuyến') ? 'unspecified' : 'none',
      url: null,
    },
    documentGroups: record.documentGroups
      .map((g) => ({
        case: blankToUndefined(g.case) ?? null,
        documents: g.documents
          .filter((d) => d.name.trim())
          .map((d) => ({ name: d.name.trim(), copies: catalogueCopies(d.copies), form: blankToUndefined(d.template) ?? null })),
      }))
      .filter((g) => g.documents.length > 0),
    steps: record.steps.map((s) => s.trim()).filter(Boolean),
    conditions: blankToUndefined(record.conditions) ?? null,
    result: blankToUndefined(record.result) ?? null,
    legalBasis: record.legalBasis
      .filter((l) => l.title.trim())
      .map((l) => ({ title: l.title.trim(), number: blankToUndefined(l.number) ?? null })),
    sourceUrl: record.url,
  };
}

/**
 * The portal's time is often a bare number: its unit field is lost in the
 * export. Days is what the number counts; whether working or calendar days is
 * not known, and the text says so rather than guess.
 */
export function catalogueTime(time: string | null | undefined): string | null {
  const t = time?.trim();
  if (!t) return null;
  return /^\d+([.,]\d+)?$/.test(t) ? `${t} ngày (không ghi rõ ngày làm việc hay ngày lịch)` : t;
}

/**
 * The portal writes "Miễn phí (…)" whenever its amount field is 0, even when
 * the text in brackets gives amounts or a circular: the brackets are the fee.
 */
export function catalogueFee(fee: string | null | undefined): string | null {
  const f = fee?.trim();
  if (!f) return null;
  const inner = /^Miễn phí\s*\(+([\s\S]*?)\)+\s*$/u.exec(f)?.[1]?.trim();
  if (!inner) return f;
  return /^(miễn|không thu)|\d[\d.]*\s*(đồng|đ\b)|theo|mức thu/iu.test(inner) ? inner : f;
}

/** "0 bản chính, 1 bản sao" is one copy; "0 bản chính" alone counts nothing (the line is a note or a condition). */
export function catalogueCopies(copies: string | null | undefined): string | null {
  const parts = (copies ?? '').split(',').map((p) => p.trim()).filter((p) => p && !/^0\s/.test(p));
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Loads a `.jsonl` or `.jsonl.gz` catalogue file. Every bad line is reported with its number. */
export async function loadCatalogueFile(file: string): Promise<Procedure[]> {
  const raw = await readFile(file);
  const body = normalizeText((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  const procedures: Procedure[] = [];
  const problems: string[] = [];
  body.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const at = `dòng ${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`${at}: không phải JSON hợp lệ`);
      return;
    }
    const record = catalogueRecordSchema.safeParse(json);
    if (!record.success) {
      problems.push(...describeIssues(record.error).map((m) => `${at}: ${m}`));
      return;
    }
    const entry = procedureEntrySchema.safeParse(entryFromRecord(record.data));
    if (!entry.success) {
      problems.push(...describeIssues(entry.error).map((m) => `${at} (${record.data.code}): ${m}`));
      return;
    }
    const id = entry.data.code ?? record.data.code;
    procedures.push({ ...entry.data, id, origin: { kind: 'catalogue', path: file, declared: [] } });
  });
  if (problems.length > 0) throw new KnowledgeError(file, problems.slice(0, 50));
  return procedures;
}
