/**
 * The chat lexicon (lexicon.yaml): abbreviations, synonyms, stop phrases and
 * function words, validated at load and compiled into folded lookups.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { fold, syllables } from './normalize.js';

const lexiconFileSchema = z
  .object({
    abbreviations: z.record(z.string(), z.string().min(1)),
    synonyms: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
    stopPhrases: z.array(z.string().min(1)),
    stopWords: z.array(z.string().min(1)),
    weakWords: z.array(z.string().min(1)),
  })
  .strict();

export interface Lexicon {
  /** folded token → expansion syllables (accented). */
  abbreviations: Map<string, string[]>;
  /** folded phrase (space-joined) → official phrase syllables (accented), longest phrases first. */
  synonyms: Array<{ from: string[]; to: string[] }>;
  /** Phrases removed from queries, as written and folded, longest first. */
  stopPhrases: StopPhrase[];
  /** accented function words. */
  stopWords: Set<string>;
  /** folded function words, for text typed without diacritics. */
  foldedStopWords: Set<string>;
  /** accented common content words ("hồ" in "hồ sơ", not "hộ" in "hộ chiếu"). */
  weakWords: Set<string>;
  /** folded common content words, for text typed without diacritics. */
  foldedWeakWords: Set<string>;
}

export interface StopPhrase {
  written: string[];
  folded: string[];
}

export const DEFAULT_LEXICON_PATH = fileURLToPath(new URL('./lexicon.yaml', import.meta.url));

export function loadLexicon(file: string = DEFAULT_LEXICON_PATH): Lexicon {
  const data = lexiconFileSchema.parse(parse(readFileSync(file, 'utf8')));
  const foldedWords = (phrase: string) => syllables(phrase).map(fold);
  const byLength = <T extends { length: number }>(a: T, b: T) => b.length - a.length;
  return {
    abbreviations: new Map(Object.entries(data.abbreviations).map(([k, v]) => [fold(k), syllables(v)])),
    synonyms: data.synonyms
      .map(([from, to]) => ({ from: foldedWords(from), to: syllables(to) }))
      .sort((a, b) => b.from.length - a.from.length),
    stopPhrases: data.stopPhrases.map((p) => ({ written: syllables(p), folded: foldedWords(p) })).sort((a, b) => byLength(a.written, b.written)),
    stopWords: new Set(data.stopWords.flatMap(syllables)),
    foldedStopWords: new Set(data.stopWords.flatMap(foldedWords)),
    weakWords: new Set(data.weakWords.flatMap(syllables)),
    foldedWeakWords: new Set(data.weakWords.flatMap(foldedWords)),
  };
}
