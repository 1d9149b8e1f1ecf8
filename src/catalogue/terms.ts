/**
 * Search terms shared by the index and the query side, so both cut text the
 * same way: folded syllables ("u:"), syllable pairs ("b:", Vietnamese words
 * are mostly two syllables: "khai sinh", "kết hôn"), and their phonetic keys
 * ("pu:", "pb:") for spellings people confuse.
 */
import type { Token } from '../language/analyze.js';
import { phoneticKey } from '../language/phonetic.js';

export const unigram = (folded: string) => `u:${folded}`;
export const bigram = (a: string, b: string) => `b:${a} ${b}`;
export const phoneticUnigram = (folded: string) => `pu:${phoneticKey(folded)}`;
export const phoneticBigram = (a: string, b: string) => `pb:${phoneticKey(a)} ${phoneticKey(b)}`;

/**
 * Terms of one run of words (a name, an alias, a sentence). Function words
 * break pairs; common words still pair ("giấy phép") but are kept apart.
 */
export function documentTerms(tokens: readonly Token[], phonetic: boolean): string[] {
  const out: string[] = [];
  let previous: Token | undefined;
  for (const token of tokens) {
    if (token.stop !== 'none') {
      previous = undefined;
      continue;
    }
    out.push(unigram(token.folded));
    if (phonetic) out.push(phoneticUnigram(token.folded));
    if (previous) {
      out.push(bigram(previous.folded, token.folded));
      if (phonetic) out.push(phoneticBigram(previous.folded, token.folded));
    }
    previous = token;
  }
  return out;
}
