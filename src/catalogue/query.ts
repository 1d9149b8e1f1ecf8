/**
 * From analysed text to weighted search terms: function words dropped,
 * misspellings resolved against the index vocabulary (exact, phonetic, then
 * fuzzy with the neighbouring syllable as context), syllable pairs added.
 */
import type { AnalyzedText, Segment, Token } from '../language/analyze.js';
import { bigram, phoneticBigram, phoneticUnigram, unigram } from './terms.js';

/** Pairs say more than single syllables: "khai sinh" is a procedure, "sinh" is not. */
export const PAIR_WEIGHT = 1.6;
/** Common words ("giấy", "làm") count little on their own. */
export const WEAK_WEIGHT = 0.15;
/** A spelling met only through its phonetic key. */
export const PHONETIC_WEIGHT = 0.8;
/** A syllable replaced by a typo correction. */
export const CORRECTED_WEIGHT = 0.7;

export interface QueryTerm {
  term: string;
  weight: number;
}

/** A content word of the question; a document "covers" it when it holds any of its terms. */
export interface Concept {
  folded: string;
  terms: string[];
  idf: number;
  /** False for a word no procedure uses (its idf is then the rarest word's). */
  known: boolean;
  /** The weight of the clause that uses it (the question's, or the story's when only told). */
  weight: number;
}

export interface Query {
  analyzed: AnalyzedText;
  terms: QueryTerm[];
  concepts: Concept[];
  /** Every folded syllable the question uses (corrections and synonyms included). */
  words: string[];
}

export interface Vocabulary {
  has(term: string): boolean;
  idf(term: string): number;
  readonly maxIdf: number;
  readonly ambiguousFolded: ReadonlySet<string>;
  readonly typos: { candidates(word: string): string[] };
}

interface Resolved {
  token: Token;
  /** The folded syllable used for matching (a correction when misspelt). */
  folded: string;
  unigram: string;
  weight: number;
  known: boolean;
  /**
   * A common word ("làm", "giấy") standing alone or beside another common
   * one ("giấy tờ", typed without marks "ho so"); beside a telling word it is
   * part of a telling one ("giấy phép", "kiểm định", "ho chieu"). A number
   * (an age, a year) is always the citizen's case.
   */
  weak: boolean;
  /**
   * Typed without marks and folding like a function word ("toi" is "tôi" far
   * more often than "tội"): a content word only when it pairs with a neighbour.
   */
  doubtful: boolean;
}

function resolve(tokens: readonly Token[], index: Vocabulary): Array<Resolved | undefined> {
  const isStop = (t: Token) => t.stop === 'stop' || t.stop === 'cue' || (t.stop === 'maybe' && !index.ambiguousFolded.has(t.folded));
  return tokens.map((token, i) => {
    if (isStop(token)) return undefined;
    const f = token.folded;
    const prev = tokens[i - 1]?.folded;
    const next = tokens[i + 1]?.folded;
    const pairs = (c: string) => (prev !== undefined && index.has(bigram(prev, c))) || (next !== undefined && index.has(bigram(c, next)));
    // A common word next to a telling one, as the procedures' texts also pair them, is part of what is asked.
    const telling = (t: Token | undefined) => t !== undefined && t.stop === 'none' && !t.weak;
    const pairsTelling = (telling(tokens[i - 1]) && index.has(bigram(prev!, f))) || (telling(tokens[i + 1]) && index.has(bigram(f, next!)));
    const weak = token.weak && (/^\d+$/.test(f) || !pairsTelling);
    const candidates = () => (/^[a-z]{2,}$/.test(f) ? index.typos.candidates(f) : []);
    const corrected = (c: string): Resolved => ({ token, folded: c, unigram: unigram(c), weight: CORRECTED_WEIGHT, known: true, weak, doubtful: false });
    if (token.stop === 'maybe') return { token, folded: f, unigram: unigram(f), weight: 1, known: true, weak, doubtful: !pairs(f) };
    if (index.has(unigram(f))) {
      // A real word out of place ("kết hun": "hùn" is a word, "kết hôn" the phrase): a slip when a
      // close spelling pairs with its neighbour and it does not. Only for words typed without marks.
      const slip = f === token.text && !pairs(f) ? candidates().find((c) => c !== f && pairs(c)) : undefined;
      return slip ? corrected(slip) : { token, folded: f, unigram: unigram(f), weight: 1, known: true, weak, doubtful: false };
    }
    if (index.has(phoneticUnigram(f))) return { token, folded: f, unigram: phoneticUnigram(f), weight: PHONETIC_WEIGHT, known: true, weak, doubtful: false };
    const found = candidates();
    if (found.length > 0) return corrected(found.find(pairs) ?? found[0]!);
    return { token, folded: f, unigram: unigram(f), weight: 1, known: false, weak, doubtful: false };
  });
}

export function buildQuery(analyzed: AnalyzedText, index: Vocabulary): Query {
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => {
    if (weight > (weights.get(term) ?? 0)) weights.set(term, weight);
  };
  const concepts = new Map<string, Concept>();
  const synonymTerms = new Map<string, string[]>();

  const resolvedSegments = analyzed.segments.map((segment) => ({ segment, resolved: resolve(segment.tokens, index) }));
  const words = resolvedSegments.flatMap(({ resolved }) => resolved.flatMap((r) => (r ? [r.folded, r.token.folded] : [])));
  for (const { segment, resolved } of resolvedSegments) {
    resolved.forEach((r, i) => {
      if (!r) return;
      add(r.unigram, segment.weight * r.weight * (r.weak || r.doubtful ? WEAK_WEIGHT : 1));
      const prev = resolved[i - 1];
      if (!prev) return;
      const weight = segment.weight * PAIR_WEIGHT * Math.min(prev.weight, r.weight);
      const pair = bigram(prev.folded, r.folded);
      if (index.has(pair)) add(pair, weight);
      else {
        const phonetic = phoneticBigram(prev.folded, r.folded);
        if (index.has(phonetic)) add(phonetic, weight * PHONETIC_WEIGHT);
      }
    });
    if (segment.origin === 'synonym') recordSynonym(segment, resolved, synonymTerms);
  }

  for (const { segment, resolved } of resolvedSegments) {
    if (segment.origin !== 'typed') continue;
    for (const r of resolved) {
      if (!r || r.weak || r.doubtful) continue;
      const seen = concepts.get(r.folded);
      if (seen) {
        seen.weight = Math.max(seen.weight, segment.weight);
        continue;
      }
      const terms = [r.unigram, unigram(r.folded), ...(synonymTerms.get(r.token.folded) ?? [])];
      concepts.set(r.folded, { folded: r.folded, terms, idf: r.known ? index.idf(r.unigram) : index.maxIdf, known: r.known, weight: segment.weight });
    }
  }
  return { analyzed, terms: [...weights].map(([term, weight]) => ({ term, weight })), concepts: [...concepts.values()], words };
}

/** The words a synonym stands for are covered when its official wording is present. */
function recordSynonym(segment: Segment, resolved: Array<Resolved | undefined>, into: Map<string, string[]>): void {
  const official = resolved.filter((r): r is Resolved => !!r && !r.weak).map((r) => r.unigram);
  for (const word of segment.from ?? []) into.set(word, [...(into.get(word) ?? []), ...official]);
}
