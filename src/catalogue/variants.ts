/**
 * Sibling variants: procedures whose names differ only in what tells them
 * apart, the action ("Cấp mới / Cấp lại / Gia hạn giấy phép xây dựng" for the
 * same works) or the qualifier ("Đăng ký kết hôn" / "… có yếu tố nước
 * ngoài"). When the leaders of a search are such a family, the citizen is
 * asked which variant by that difference alone, with the whole family on
 * offer, instead of comparing long names or unrelated procedures.
 */
import { fold } from '../language/normalize.js';
import { QUALIFIER_WORD } from './nameFit.js';
import type { Procedure } from './schema.js';

export interface Variant {
  procedure: Procedure;
  /** What tells it apart: its action (head) or its qualifiers, capitalised; "" for the plain case ("Đăng ký kết hôn"). */
  label: string;
}

/** The question to ask, without the procedures: plain data a dialog can keep in its state. */
export interface VariantQuestion {
  /** "head": the variants share their head and differ in qualifiers; "tail": the reverse. */
  shared: 'head' | 'tail';
  /** What they share, without bracketed lists: "Đăng ký kết hôn", "đối với công trình cấp III, cấp IV". */
  common: string;
  /** Per variant, in the order offered. */
  labels: string[];
}

export interface VariantChoice {
  question: VariantQuestion;
  variants: Variant[];
}

/** A choice longer than this is no longer a quick question. */
export const MAX_VARIANTS = 6;

/** A name cut at its first qualifier word or bracket (QUALIFIER_WORD), without the catalogue's leading "Thủ tục". */
export function nameParts(name: string): { head: string; tail: string } {
  const bare = name.replace(/^thủ tục\s+/iu, '').trim();
  const cut = QUALIFIER_WORD.exec(bare)?.index ?? bare.length;
  return { head: bare.slice(0, cut).trim(), tail: bare.slice(cut).trim() };
}

const withoutBrackets = (text: string) => text.replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
/** Compared without case, marks, punctuation or bracketed lists (which vary between the variants of one family). */
const key = (text: string) => fold(withoutBrackets(text)).replace(/[^a-z0-9]+/g, ' ').trim();
/** A label as shown: no leading comma or dash, first letter capitalised. */
const asLabel = (text: string) => text.replace(/^[\s,;:–-]+/u, '').replace(/^\p{Ll}/u, (c) => c.toUpperCase());

/**
 * The family of `best` among `others` (best first, then in rank order), when
 * the first of the others belongs to it; undefined when the leaders are not
 * variants of one procedure. Variants with the same label (the same
 * procedure at another level) appear once.
 */
export function variantChoice(best: Procedure, others: readonly Procedure[]): VariantChoice | undefined {
  const mine = nameParts(best.name);
  const first = others[0];
  if (!first) return undefined;
  const runnerUp = nameParts(first.name);
  const sameHead = key(runnerUp.head) === key(mine.head) && key(runnerUp.tail) !== key(mine.tail);
  const sameTail = key(mine.tail) !== '' && key(runnerUp.tail) === key(mine.tail) && key(runnerUp.head) !== key(mine.head);
  if (!sameHead && !sameTail) return undefined;

  const shared = sameHead ? 'head' : 'tail';
  const labelOf = (parts: { head: string; tail: string }) => asLabel(shared === 'head' ? parts.tail : parts.head);
  const variants: Variant[] = [{ procedure: best, label: labelOf(mine) }];
  const seen = new Set([key(labelOf(mine))]);
  for (const procedure of others) {
    const parts = nameParts(procedure.name);
    if (key(shared === 'head' ? parts.head : parts.tail) !== key(shared === 'head' ? mine.head : mine.tail)) continue;
    const label = labelOf(parts);
    if (seen.has(key(label))) continue;
    seen.add(key(label));
    variants.push({ procedure, label });
    if (variants.length === MAX_VARIANTS) break;
  }
  const common = withoutBrackets(shared === 'head' ? asLabel(mine.head) : mine.tail);
  return { question: { shared, common, labels: variants.map((v) => v.label) }, variants };
}
