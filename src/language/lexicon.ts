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
    synonyms: z.array(
      z.union([
        z.tuple([z.string().min(1), z.string().min(1)]),
        /** A synonym that holds only in context: with one of `near` in the message, and none of `unless`. */
        z
          .object({ from: z.string().min(1), to: z.string().min(1), near: z.array(z.string().min(1)).min(1).optional(), unless: z.array(z.string().min(1)).min(1).optional() })
          .strict(),
      ]),
    ),
    stopPhrases: z.array(z.string().min(1)),
    stopWords: z.array(z.string().min(1)),
    weakWords: z.array(z.string().min(1)),
  })
  .strict();

export interface Lexicon {
  /** folded token → expansion syllables (accented). */
  abbreviations: Map<string, string[]>;
  /** By the first folded word of the phrase: the synonyms starting there, longest phrases first. */
  synonyms: Map<string, Synonym[]>;
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

export interface Synonym {
  /** Folded phrase. */
  from: string[];
  /** Official phrase syllables (accented). */
  to: string[];
  /** Folded phrases: the synonym holds only when the message has one of them ("làm lại" is "cấp lại" for a card, not for a job)… */
  near?: string[][];
  /** …and none of these ("nhập khẩu" is "đăng ký thường trú", unless goods or customs are the subject). */
  unless?: string[][];
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
    synonyms: bucketByFirstWord(
      data.synonyms
        .map((entry): Synonym => {
          const { from, to, near, unless } = Array.isArray(entry) ? { from: entry[0], to: entry[1] } : entry;
          return { from: foldedWords(from), to: syllables(to), near: near?.map(foldedWords), unless: unless?.map(foldedWords) };
        })
        .sort((a, b) => b.from.length - a.from.length),
    ),
    stopPhrases: data.stopPhrases.map((p) => ({ written: syllables(p), folded: foldedWords(p) })).sort((a, b) => byLength(a.written, b.written)),
    stopWords: new Set(data.stopWords.flatMap(syllables)),
    foldedStopWords: new Set(data.stopWords.flatMap(foldedWords)),
    weakWords: new Set(data.weakWords.flatMap(syllables)),
    foldedWeakWords: new Set(data.weakWords.flatMap(foldedWords)),
  };
}

function bucketByFirstWord(synonyms: readonly Synonym[]): Map<string, Synonym[]> {
  const buckets = new Map<string, Synonym[]>();
  for (const syn of synonyms) {
    const first = syn.from[0]!;
    buckets.set(first, [...(buckets.get(first) ?? []), syn]);
  }
  return buckets;
}
