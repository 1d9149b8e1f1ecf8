/**
 * The procedure search index: BM25F over weighted fields (names and aliases
 * far above body text), with Vietnamese syllable pairs, phonetic fallbacks and
 * typo correction. Built once at start-up; answers a typed verdict.
 */
import { analyze, classify, expandWrittenAbbreviations, type AnalyzedText, type Token } from '../language/analyze.js';
import { NameFit } from './nameFit.js';
import type { Lexicon } from '../language/lexicon.js';
import { syllables } from '../language/normalize.js';
import type { Procedure } from './schema.js';
import { INDEX_FIELDS } from './fields.js';
import { buildQuery, type Query } from './query.js';
import { documentTerms } from './terms.js';
import { TypoCorrector } from './typo.js';
import { DEFAULT_RULE, decide, type Ranked, type SearchVerdict, type VerdictRule } from './verdict.js';

export type { Ranked, SearchVerdict } from './verdict.js';

/** BM25 saturation: how fast repeated evidence stops adding up. */
const K1 = 1.2;
/**
 * Name fit: the share of a procedure's name (or best alias), weighted by
 * rarity, that the question mentions. A candidate keeps NAME_FIT_FLOOR of its
 * score however little of its name was asked, and gains the rest with the fit:
 * "đăng ký kết hôn" then beats "đăng ký kết hôn có yếu tố nước ngoài".
 */
const NAME_FIT_FLOOR = 0.55;
/**
 * A term whose best possible contribution (rarity × query weight) is below
 * this cannot change a ranking: its postings are not read. At 26,000
 * procedures this skips the longest lists ("đăng ký" is everywhere).
 */
const MIN_IMPACT = 0.08;
/** How many BM25 leaders are re-scored by name fit. */
const RERANK_DEPTH = 40;

interface Postings {
  docs: Int32Array;
  weights: Float32Array;
  idf: number;
}

export interface SearchOptions {
  /** How many ranked results to keep (default 10). */
  top?: number;
  /** The verdict's thresholds (default: DEFAULT_RULE); a tuning run varies them. */
  rule?: VerdictRule;
}

export class SearchIndex {
  private readonly postings = new Map<string, Postings>();
  /** Per procedure: the unigram terms of its focus fields (what it is about). */
  private readonly focus: Set<string>[];
  private readonly names: NameFit;
  /** Folded forms that are content words somewhere, though they fold like a function word ("the" ← "thẻ"). */
  readonly ambiguousFolded: ReadonlySet<string>;
  readonly typos: TypoCorrector;
  readonly maxIdf: number;

  private constructor(
    readonly procedures: readonly Procedure[],
    readonly lexicon: Lexicon,
    postings: Map<string, { docs: number[]; weights: number[] }>,
    vocabulary: Set<string>,
    names: NameFit,
    focus: Set<string>[],
    ambiguousFolded: ReadonlySet<string>,
  ) {
    this.ambiguousFolded = ambiguousFolded;
    this.names = names;
    this.focus = focus;
    const n = procedures.length;
    let maxIdf = 0;
    for (const [term, p] of postings) {
      const idf = Math.log(1 + (n - p.docs.length + 0.5) / (p.docs.length + 0.5));
      maxIdf = Math.max(maxIdf, idf);
      this.postings.set(term, { docs: Int32Array.from(p.docs), weights: Float32Array.from(p.weights), idf });
    }
    this.maxIdf = maxIdf;
    this.typos = new TypoCorrector(vocabulary);
  }

  static build(procedures: readonly Procedure[], lexicon: Lexicon): SearchIndex {
    const fieldStats = INDEX_FIELDS.map(() => ({ total: 0 }));
    /** Per procedure and field: term counts, and the field's length in syllables (what BM25 normalises by). */
    const perDoc: Array<Array<{ counts: Map<string, number>; length: number }>> = [];
    const focus: Set<string>[] = [];
    const vocabulary = new Set<string>();
    const ambiguous = new Set<string>();
    const tokenCache = new Map<string, Token>();
    const tokenOf = (word: string) => {
      let t = tokenCache.get(word);
      if (!t) tokenCache.set(word, (t = classify(word, lexicon)));
      return t;
    };

    for (const procedure of procedures) {
      const fields = INDEX_FIELDS.map((field, fi) => {
        const counts = new Map<string, number>();
        let length = 0;
        for (const text of field.texts(procedure)) {
          if (!text) continue;
          const tokens = syllables(expandWrittenAbbreviations(text, lexicon)).map(tokenOf);
          for (const t of tokens) {
            if (t.stop === 'none') {
              vocabulary.add(t.folded);
              if (lexicon.foldedStopWords.has(t.folded)) ambiguous.add(t.folded);
            }
          }
          const terms = documentTerms(tokens, field.phonetic);
          for (const term of field.distinct ? new Set(terms) : terms) counts.set(term, (counts.get(term) ?? 0) + 1);
          length += tokens.length;
        }
        fieldStats[fi]!.total += length;
        return { counts, length };
      });
      perDoc.push(fields);
      focus.push(new Set(INDEX_FIELDS.flatMap((f, fi) => (f.focus ? [...fields[fi]!.counts.keys()].filter((t) => t.startsWith('u:') || t.startsWith('pu:')) : []))));
    }
    const names = NameFit.build(procedures, (text) => syllables(expandWrittenAbbreviations(text, lexicon)).map(tokenOf).filter((k) => k.stop === 'none'));

    const n = Math.max(procedures.length, 1);
    const avgLength = fieldStats.map((s) => Math.max(s.total / n, 1));
    const postings = new Map<string, { docs: number[]; weights: number[] }>();
    perDoc.forEach((fields, doc) => {
      const combined = new Map<string, number>();
      fields.forEach(({ counts, length }, fi) => {
        const field = INDEX_FIELDS[fi]!;
        const norm = 1 - field.b + field.b * (length / avgLength[fi]!);
        for (const [term, count] of counts) combined.set(term, (combined.get(term) ?? 0) + (field.weight * count) / norm);
      });
      for (const [term, weight] of combined) {
        let p = postings.get(term);
        if (!p) postings.set(term, (p = { docs: [], weights: [] }));
        p.docs.push(doc);
        p.weights.push(weight);
      }
    });
    return new SearchIndex(procedures, lexicon, postings, vocabulary, names, focus, ambiguous);
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  idf(term: string): number {
    return this.postings.get(term)?.idf ?? this.maxIdf;
  }

  /** Weight of `term` in `doc`, 0 when absent (postings are sorted by doc). */
  weightIn(term: string, doc: number): number {
    const p = this.postings.get(term);
    if (!p) return 0;
    let lo = 0;
    let hi = p.docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = p.docs[mid]!;
      if (d === doc) return p.weights[mid]!;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** True when `term` occurs in what the procedure is about, not only in its body text. */
  inFocus(term: string, doc: number): boolean {
    return this.focus[doc]?.has(term) ?? false;
  }

  analyze(text: string): AnalyzedText {
    return analyze(text, this.lexicon);
  }

  search(text: string, options: SearchOptions = {}): SearchVerdict {
    return this.searchAnalyzed(this.analyze(text), options);
  }

  searchAnalyzed(analyzed: AnalyzedText, options: SearchOptions = {}): SearchVerdict {
    const { query, ranked } = this.rankAnalyzed(analyzed, options.top ?? 10);
    return decide(ranked, query, this, options.rule ?? DEFAULT_RULE);
  }

  /** The query and the ranking before any verdict: what a tuning run re-decides under other rules. */
  rankAnalyzed(analyzed: AnalyzedText, top = 10): { query: Query; ranked: Ranked[] } {
    const query = buildQuery(analyzed, this);
    return { query, ranked: this.rank(query, top) };
  }

  /** BM25F accumulation over the query terms' postings, then the leaders re-scored by name fit. */
  private rank(query: Query, top: number): Ranked[] {
    const scores = new Float64Array(this.procedures.length);
    const touched: number[] = [];
    for (const { term, weight } of query.terms) {
      const p = this.postings.get(term);
      if (!p) continue;
      const factor = p.idf * weight;
      if (factor < MIN_IMPACT) continue;
      for (let i = 0; i < p.docs.length; i++) {
        const doc = p.docs[i]!;
        const w = p.weights[i]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (factor * w * (K1 + 1)) / (K1 + w);
      }
    }
    const asked = new Set(query.words);
    return topK(touched, scores, Math.max(top, RERANK_DEPTH))
      .map((doc) => {
        const fit = this.names.fit(doc, asked);
        return { procedure: this.procedures[doc]!, doc, fit, headFit: this.names.headFit(doc, asked, fit), score: scores[doc]! * (NAME_FIT_FLOOR + (1 - NAME_FIT_FLOOR) * fit) };
      })
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .slice(0, top);
  }
}

/** The k best-scoring docs, best first, without sorting all of them (ties: lower doc first). */
function topK(docs: readonly number[], scores: Float64Array, k: number): number[] {
  const best: number[] = [];
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  for (const doc of docs) {
    if (best.length === k && !better(doc, best[k - 1]!)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(doc, best[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, doc);
    if (best.length > k) best.pop();
  }
  return best;
}
