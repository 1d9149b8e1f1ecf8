/**
 * Turns a citizen's message into weighted token segments for search:
 * abbreviations expanded, chat stop phrases removed, synonyms added.
 */
import type { Lexicon } from './lexicon.js';
import { ASPECT_CUE_PHRASES } from './aspects.js';
import { fold, syllables } from './normalize.js';

/** "cue": part of an aspect phrase ("bao lâu", "lệ phí"): about the question, not the procedure. */
export type StopKind = 'stop' | 'maybe' | 'cue' | 'none';

export interface Token {
  /** Lower case with diacritics as typed (or as expanded). */
  text: string;
  folded: string;
  /** "maybe": typed without diacritics and folds to a function word ("the" may be "thế" or "thẻ"). */
  stop: StopKind;
  weak: boolean;
}

export interface Segment {
  tokens: Token[];
  /** 1 for what the citizen typed; less for synonyms the lexicon added. */
  weight: number;
  origin: 'typed' | 'synonym';
  /** For synonyms: the folded words they stand for. */
  from?: string[];
}

export interface AnalyzedText {
  /** Abbreviations expanded, folded, space-joined: what intent rules read. */
  folded: string;
  /** The same words as typed (lower case, diacritics kept): tells "dừng" (stop) from "đúng" (right). */
  written: string;
  /** True when the citizen used Vietnamese diacritics. */
  accented: boolean;
  segments: Segment[];
}

/** Synonyms describe the same thing but are not what the citizen wrote. */
export const SYNONYM_WEIGHT = 0.7;

/** Only bare ASCII chat tokens are abbreviations; "mà" is never the key "ma". */
function isBare(token: string): boolean {
  return fold(token) === token.replace(/đ/g, 'd');
}

export function expandAbbreviations(words: string[], lexicon: Lexicon): string[] {
  return words.flatMap((w) => (isBare(w) ? lexicon.abbreviations.get(fold(w)) : undefined) ?? [w]);
}

/** Finds `phrase` at `at` in the folded words. */
function matchesAt(folded: string[], at: number, phrase: string[]): boolean {
  return phrase.every((p, i) => folded[at + i] === p);
}

/** Marks every word that is part of one of the phrases (longest phrases first). */
function markPhrases(folded: string[], phrases: readonly string[][]): boolean[] {
  const marked = folded.map(() => false);
  for (let i = 0; i < folded.length; i++) {
    const phrase = phrases.find((p) => matchesAt(folded, i, p));
    if (phrase) phrase.forEach((_, k) => (marked[i + k] = true));
  }
  return marked;
}

export function classify(text: string, lexicon: Lexicon): Token {
  const folded = fold(text);
  let stop: StopKind = 'none';
  if (lexicon.stopWords.has(text)) stop = 'stop';
  else if (folded === text.replace(/đ/g, 'd') && lexicon.foldedStopWords.has(folded)) stop = 'maybe';
  return { text, folded, stop, weak: lexicon.weakWords.has(folded) };
}

export function analyze(input: string, lexicon: Lexicon): AnalyzedText {
  const raw = syllables(input);
  const words = expandAbbreviations(raw, lexicon);
  const folded = words.map(fold);

  // Drop stop phrases; what is left falls into runs of adjacent words.
  const kept = markPhrases(folded, lexicon.stopPhrases).map((inPhrase) => !inPhrase);
  const segments: Segment[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length > 0) segments.push({ tokens: run, weight: 1, origin: 'typed' });
    run = [];
  };
  const cue = markPhrases(folded, ASPECT_CUE_PHRASES);
  words.forEach((w, i) => {
    if (!kept[i]) return flush();
    const token = classify(w, lexicon);
    run.push(cue[i] && token.stop === 'none' ? { ...token, stop: 'cue' } : token);
  });
  flush();

  // Synonyms add the official wording as extra segments; the typed words stay.
  const seen = new Set<string>();
  for (let i = 0; i < folded.length; i++) {
    for (const syn of lexicon.synonyms) {
      if (!matchesAt(folded, i, syn.from)) continue;
      const key = syn.to.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      segments.push({ tokens: syn.to.map((t) => classify(t, lexicon)), weight: SYNONYM_WEIGHT, origin: 'synonym', from: syn.from });
    }
  }

  return { folded: folded.join(' '), written: words.join(' '), accented: raw.some((w) => !isBare(w)), segments };
}
