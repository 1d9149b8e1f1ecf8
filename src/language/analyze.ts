/**
 * Turns a citizen's message into weighted token segments for search:
 * abbreviations expanded, chat stop phrases removed, synonyms added.
 */
import type { Lexicon, StopPhrase } from './lexicon.js';
import { ASPECT_CUE_PHRASES } from './aspects.js';
import { clauses } from './clauses.js';
import { fold } from './normalize.js';
import { withoutPersonalData } from './redact.js';

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
  /** 1 for what the citizen asked; less for the story around it (clauses.ts) and for synonyms the lexicon added. */
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

/**
 * Typed with diacritics, most syllables carry a mark; a lone "ạ" at the end
 * of an otherwise bare message does not make it accented.
 */
const ACCENTED_SHARE = 0.4;

/** True when the words are written with diacritics, so each word means what it spells ("vay" is a loan, not "vậy"). */
export function isAccented(words: readonly string[]): boolean {
  const letters = words.filter((w) => /\p{L}/u.test(w));
  if (letters.length === 0) return false;
  return letters.filter((w) => !isBare(w)).length / letters.length >= ACCENTED_SHARE;
}

export function expandAbbreviations(words: string[], lexicon: Lexicon): string[] {
  return words.flatMap((w) => (isBare(w) ? lexicon.abbreviations.get(fold(w)) : undefined) ?? [w]);
}

/** An upper-case abbreviation of three letters or more in official text ("BHYT", "UBND"); "TT" or "CP" of a decree number is not one. */
const WRITTEN_ABBREVIATION = /(?<![\p{L}\p{N}])[A-ZĐ]{3,}(?![\p{L}\p{N}])/gu;

/**
 * Official text spelt the way queries are: "thẻ BHYT" indexed as "thẻ bảo
 * hiểm y tế", since a citizen's "bhyt" is expanded the same way.
 */
export function expandWrittenAbbreviations(text: string, lexicon: Lexicon): string {
  return text.replace(WRITTEN_ABBREVIATION, (abbr) => lexicon.abbreviations.get(fold(abbr))?.join(' ') ?? abbr);
}

/** Finds `phrase` at `at` in the folded words. */
function matchesAt(folded: string[], at: number, phrase: string[]): boolean {
  return phrase.every((p, i) => folded[at + i] === p);
}

/**
 * Marks the words of stop phrases. In an accented message a phrase must be
 * spelt as written ("nha" the particle is not "nhà", "vậy ạ" is not "vay ạ");
 * in a bare one it matches folded, except a one-word phrase, which `classify`
 * leaves to the index to judge (bare "nha" may be "nhà").
 */
function markStopPhrases(words: string[], folded: string[], phrases: readonly StopPhrase[], accented: boolean): boolean[] {
  const marked = folded.map(() => false);
  const spelt = (at: number, p: StopPhrase) =>
    p.folded.every((f, k) => (accented || !isBare(words[at + k] ?? '') ? words[at + k] === p.written[k] : folded[at + k] === f));
  for (let i = 0; i < folded.length; i++) {
    const phrase = phrases.find((p) => (accented || p.folded.length > 1 || !isBare(words[i]!)) && spelt(i, p));
    if (phrase) phrase.folded.forEach((_, k) => (marked[i + k] = true));
  }
  return marked;
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

/**
 * A word as written when the text is accented (or the word carries marks);
 * a bare word of a bare text by its folded form, which may be several words:
 * a function word then is only a "maybe" stop, and a common word is weak.
 */
export function classify(text: string, lexicon: Lexicon, accented = true): Token {
  const folded = fold(text);
  const asWritten = accented || !isBare(text);
  let stop: StopKind = 'none';
  if (asWritten) {
    if (lexicon.stopWords.has(text)) stop = 'stop';
  } else if (lexicon.foldedStopWords.has(folded)) stop = 'maybe';
  // A number (an age, a phone number, a year) is the citizen's case, not the procedure.
  const weak = /^\d+$/.test(text) || (asWritten ? lexicon.weakWords.has(text) : lexicon.foldedWeakWords.has(folded));
  return { text, folded, stop, weak };
}

export function analyze(input: string, lexicon: Lexicon): AnalyzedText {
  const parts = clauses(withoutPersonalData(input));
  const raw = parts.flatMap((c) => c.words);
  const expanded = parts.map((c) => ({ words: expandAbbreviations(c.words, lexicon), weight: c.weight }));
  const words = expanded.flatMap((c) => c.words);
  /** Per word: the weight of the clause it belongs to. */
  const weightAt = expanded.flatMap((c) => c.words.map(() => c.weight));
  const folded = words.map(fold);
  const accented = isAccented(raw);

  // Drop stop phrases; what is left falls into runs of adjacent words.
  const kept = markStopPhrases(words, folded, lexicon.stopPhrases, accented).map((inPhrase) => !inPhrase);
  const segments: Segment[] = [];
  let run: Token[] = [];
  let runWeight = 1;
  const flush = () => {
    if (run.length > 0) segments.push({ tokens: run, weight: runWeight, origin: 'typed' });
    run = [];
  };
  const cue = markPhrases(folded, ASPECT_CUE_PHRASES);
  words.forEach((w, i) => {
    if (!kept[i]) return flush();
    if (weightAt[i] !== runWeight) {
      flush();
      runWeight = weightAt[i]!;
    }
    const token = classify(w, lexicon, accented);
    run.push(cue[i] && token.stop === 'none' ? { ...token, stop: 'cue' } : token);
  });
  flush();

  // Synonyms add the official wording as extra segments; the typed words stay.
  const seen = new Set<string>();
  const mentions = (phrase: string[]) => folded.some((_, k) => matchesAt(folded, k, phrase));
  for (let i = 0; i < folded.length; i++) {
    for (const syn of lexicon.synonyms.get(folded[i]!) ?? []) {
      if (!matchesAt(folded, i, syn.from)) continue;
      if ((syn.near && !syn.near.some(mentions)) || syn.unless?.some(mentions)) continue;
      const key = syn.to.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      segments.push({ tokens: syn.to.map((t) => classify(t, lexicon)), weight: SYNONYM_WEIGHT * weightAt[i]!, origin: 'synonym', from: syn.from });
    }
  }

  return { folded: folded.join(' '), written: words.join(' '), accented, segments };
}
