/**
 * Which part of a message carries the question. Citizens often tell their
 * story first and ask last ("Tôi có con với … Vậy nay tôi muốn nhận con thì
 * làm thế nào?"): the story's words are evidence, but weaker than the
 * question's, so that a side mention does not outrank what is asked.
 */
import { fold, syllables } from './normalize.js';

export interface Clause {
  /** Lower-case syllables, diacritics as typed. */
  words: string[];
  /** 1 for the question, STORY_WEIGHT for the story around it. */
  weight: number;
}

/** How much a word of the story counts beside a word of the question. */
export const STORY_WEIGHT = 0.5;

/**
 * Words that open the question within a sentence, at the start of a clause
 * (after a comma or at the sentence's start), folded: "…, vậy tôi phải làm
 * gì?", "…, nay muốn làm hộ chiếu…", "Xin hỏi…", "Cho em hỏi…".
 */
const LEADS: readonly string[][] = [['xin', 'hoi'], ['cho', 'hoi'], ['cho', '*', 'hoi'], ['nay'], ['hoi']];
/** Bare "vay" also spells "vay" (a loan): a lead only when a pronoun or a question word follows. */
const AFTER_BARE_VAY = new Set(['toi', 'em', 'minh', 'nay', 'thi', 'cho', 'xin', 'co', 'neu', 'khi', 'chung', 'con', 'ong', 'ba', 'anh', 'chi', 'phai', 'can']);

const SENTENCE_END = /(?<=[.?!;…])\s+|\n+/;

/** True when the clause opens with a lead: "vậy" as written, bare "vay" before a pronoun, or one of LEADS. */
function isLead(words: readonly string[]): boolean {
  const folded = words.map(fold);
  if (folded[0] === 'vay') return words[0] === 'vậy' || (words[0] === 'vay' && AFTER_BARE_VAY.has(folded[1] ?? ''));
  return LEADS.some((lead) => lead.every((w, k) => (w === '*' ? folded[k] !== undefined : folded[k] === w)));
}

/**
 * The message cut into clauses with their weights. A sentence ending in "?"
 * asks; within it, what precedes a lead ("vậy", "xin hỏi", "nay") is still
 * story. Everything outside the asking clauses is story. A message with no
 * question mark, or nothing but questions, is one clause of weight 1.
 */
export function clauses(text: string): Clause[] {
  const sentences = text.split(SENTENCE_END).filter((s) => s.trim() !== '');
  const out: Clause[] = [];
  let asked = false;
  let told = false;
  for (const sentence of sentences) {
    const parts = sentence.split(',').map(syllables);
    if (!/\?\s*$/.test(sentence)) {
      out.push({ words: parts.flat(), weight: STORY_WEIGHT });
      told ||= parts.some((p) => p.length > 0);
      continue;
    }
    let lead = 0;
    parts.forEach((p, k) => {
      if (k > 0 && isLead(p)) lead = k;
    });
    const story = parts.slice(0, lead).flat();
    if (story.length > 0) {
      out.push({ words: story, weight: STORY_WEIGHT });
      told = true;
    }
    out.push({ words: parts.slice(lead).flat(), weight: 1 });
    asked = true;
  }
  if (!asked || !told) return [{ words: out.flatMap((c) => c.words), weight: 1 }];
  return out.filter((c) => c.words.length > 0);
}
