/**
 * A procedure's aspects as Vietnamese text, for any channel. Pure functions:
 * the staff console and the CLI print the same text the bot sends.
 */
import type { Aspect } from '../language/aspects.js';
import type { Procedure } from '../catalogue/schema.js';
import type { ProvinceProfile } from '../catalogue/provinceProfile.js';
import type { ReformMap } from '../catalogue/reforms.js';
import { ASPECT_LABELS, FACT_LABELS, ONLINE_LEVELS, type Messages } from '../messages.js';
import { feeText, notes, perChannel, postText, reformNotice, summaryFacts } from './procedureFacts.js';

export { summaryFacts };

export type TextFormat = 'markdown' | 'plain';

export interface TextOptions {
  format: TextFormat;
  messages: Messages;
  /** The Vietnamese calendar day of the answer ("YYYY-MM-DD"): dated fees resolve to it. */
  today: string;
  province: ProvinceProfile;
  /** Bodies abolished by the 2025 reforms: a catalogue record still naming one as where to go gets a notice. */
  reforms?: ReformMap;
}

/** Sections longer than this are sent as several messages (phones, Zalo's limit). */
export const MAX_SECTION_CHARS = 1800;

const bold = (s: string, f: TextFormat) => (f === 'markdown' ? `**${s}**` : s);
const italic = (s: string, f: TextFormat) => (f === 'markdown' ? `_${s}_` : s);

/** "Đăng ký khai sinh (mã 1.001193)". */
export function title(p: Procedure): string {
  return p.code ? `${p.name} (mã ${p.code})` : p.name;
}

export function summaryText(p: Procedure, o: TextOptions): string {
  const lines = [bold(title(p), o.format)];
  if (p.summary) lines.push(p.summary);
  lines.push(...summaryFacts(p, o).map(([k, v]) => `• ${k}: ${v}`));
  return lines.join('\n');
}

function documentSections(p: Procedure, o: TextOptions): string[] | undefined {
  if (p.documentGroups.length === 0) return undefined;
  return p.documentGroups.map((g) => {
    const items = g.documents.map((d, i) => {
      const extra = [d.copies, d.form ? `${o.messages.formLabel} ${d.form}` : null].filter(Boolean).join('; ');
      return `${i + 1}. ${d.name}${extra ? ` — ${extra}` : ''}`;
    });
    return [g.case ? italic(g.case, o.format) : undefined, ...items].filter(Boolean).join('\n');
  });
}

function numbered(items: string[]): string {
  return items.map((s, i) => (/^bước\s*\d/i.test(s) ? s : `${i + 1}. ${s}`)).join('\n');
}

/** The body of one aspect, or undefined when the entry has nothing on it. */
function aspectBody(p: Procedure, aspect: Aspect, o: TextOptions): string[] | undefined {
  const one = (s: string | null | undefined) => (s ? [s] : undefined);
  switch (aspect) {
    case 'documents':
      return documentSections(p, o);
    case 'steps':
      return p.steps.length > 0 ? [numbered(p.steps)] : undefined;
    case 'fee':
      return one(perChannel(p.channels, (c) => feeText(p, c, o)));
    case 'time':
      return one(perChannel(p.channels, (c) => c.time));
    case 'where':
      return p.where || p.agency
        ? [[p.where ? `${FACT_LABELS.where}: ${p.where}` : '', p.agency ? `${FACT_LABELS.agency}: ${p.agency}` : '', reformNotice(p, o) ?? '', notes(p, ['in-person']) ?? ''].filter(Boolean).join('\n')]
        : undefined;
    case 'online':
      return [[ONLINE_LEVELS[p.online.level], p.online.level !== 'none' && p.online.url ? `${o.messages.onlineAt} ${p.online.url}` : '', p.online.level !== 'none' ? notes(p, ['online']) ?? '' : ''].filter(Boolean).join('\n')];
    case 'post':
      return [[postText(p, o), notes(p, ['post']) ?? ''].filter(Boolean).join('\n')];
    case 'conditions':
      return one(p.conditions);
    case 'result':
      return one(p.result);
    case 'legal':
      return p.legalBasis.length > 0
        ? [p.legalBasis.map((l) => `• ${l.title}${l.number && !l.title.includes(l.number) ? ` (${l.number})` : ''}`).join('\n')]
        : undefined;
  }
}

/** The aspect's text without its heading, or undefined when the entry has nothing on it (the staff console's sections). */
export function aspectText(p: Procedure, aspect: Aspect, o: TextOptions): string | undefined {
  return aspectBody(p, aspect, o)?.join('\n\n');
}

/** Aspects worth a button: the entry has something on them and they are not already on screen. */
export function detailAspects(p: Procedure, order: readonly Aspect[], shown: readonly Aspect[], o: TextOptions, max = 5): Aspect[] {
  return order.filter((a) => !shown.includes(a) && aspectBody(p, a, o) !== undefined).slice(0, max);
}

/** The aspect as one or more messages, each under MAX_SECTION_CHARS. */
export function aspectMessages(p: Procedure, aspect: Aspect, o: TextOptions): string[] {
  const heading = bold(`${ASPECT_LABELS[aspect]} — ${p.name}`, o.format);
  const body = aspectBody(p, aspect, o);
  if (!body) return [`${heading}\n${o.messages.missing(ASPECT_LABELS[aspect].toLowerCase())}`];
  return packSections([heading, ...body]);
}

/** Joins sections into messages no longer than the limit, splitting long ones at line breaks. */
export function packSections(sections: string[], limit = MAX_SECTION_CHARS): string[] {
  const pieces = sections.flatMap((s) => (s.length <= limit ? [s] : splitLines(s, limit)));
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + piece.length + 2 <= limit) out[out.length - 1] = `${last}\n\n${piece}`;
    else out.push(piece);
  }
  return out;
}

function splitLines(text: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (const chunk of line.length > limit ? line.match(new RegExp(`[\\s\\S]{1,${limit}}(?=\\s|$)|[\\s\\S]{1,${limit}}`, 'g')) ?? [] : [line]) {
      if (current && current.length + chunk.length + 1 > limit) {
        out.push(current);
        current = chunk.trimStart();
      } else current = current ? `${current}\n${chunk}` : chunk;
    }
  }
  if (current) out.push(current);
  return out;
}
