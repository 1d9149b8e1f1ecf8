/**
 * From a ranking to a verdict the dialogs can act on: one procedure, a short
 * list to choose from, or an honest "nothing fits". Scores are BM25F sums
 * (higher is better, unbounded); coverage is the share of the question's
 * content words, weighted by rarity, that the procedure's text contains.
 */
import type { Procedure } from './schema.js';
import type { Query } from './query.js';
import { fold } from '../language/normalize.js';

export interface Ranked {
  procedure: Procedure;
  doc: number;
  score: number;
  /** Share of the procedure's name (or best alias) the question mentions, 0..1. */
  fit: number;
}

interface VerdictBase {
  coverage: number;
  ranked: Ranked[];
  /** False when the question names no procedure at all ("còn lệ phí thì sao?"). */
  topical: boolean;
}

export type SearchVerdict =
  | (VerdictBase & { kind: 'match'; procedure: Procedure; score: number })
  | (VerdictBase & { kind: 'ambiguous'; candidates: Ranked[] })
  | (VerdictBase & { kind: 'none' });

/** Below this coverage the best procedure misses most of what was asked: nothing fits. */
export const NONE_COVERAGE = 0.45;
/** From this coverage on, and clear of the runner-up, the best procedure is the answer. */
export const MATCH_COVERAGE = 0.7;
/** The runner-up must score under this share of the best for a clear match. */
export const MATCH_MARGIN = 0.8;
/** Candidates offered for a choice score at least this share of the best. */
export const CANDIDATE_SHARE = 0.6;
/**
 * Also a clear match, whatever the scores: the question names the best
 * procedure in full while the runner-up's name adds things not asked
 * ("đăng ký kết hôn" vs "… có yếu tố nước ngoài").
 */
export const FULL_FIT = 0.9;
/** …and the runner-up's name is at least this much less covered. */
export const FIT_GAP = 0.15;
export const MAX_CANDIDATES = 5;

/** A word found only in body text (document lists) is weaker evidence than one in what the procedure is about. */
export const BODY_ONLY_CREDIT = 0.5;
/** A confident match needs at least this much of its name asked for. */
export const MIN_MATCH_FIT = 0.5;
/** Below this, not even a choice is offered: the question shares no part of the best procedure's name. */
export const MIN_CANDIDATE_FIT = 0.15;

export interface CoverageSource {
  weightIn(term: string, doc: number): number;
  inFocus(term: string, doc: number): boolean;
}

export function coverage(query: Query, doc: number, index: CoverageSource): number {
  let total = 0;
  let covered = 0;
  for (const concept of query.concepts) {
    total += concept.idf;
    if (concept.terms.some((t) => index.inFocus(t, doc))) covered += concept.idf;
    else if (concept.terms.some((t) => index.weightIn(t, doc) > 0)) covered += concept.idf * BODY_ONLY_CREDIT;
  }
  return total === 0 ? 0 : covered / total;
}

/** The same procedure at another level, or a listed variant, is not a rival. */
export function areSiblings(a: Procedure, b: Procedure): boolean {
  return a.alternates.includes(b.id) || b.alternates.includes(a.id) || baseName(a) === baseName(b);
}

/** The name without level remarks: "Cấp hộ chiếu (thực hiện tại cấp tỉnh)" → "cap ho chieu". */
export function baseName(p: Procedure): string {
  return fold(p.name)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(tai |thuc hien tai )?cap (xa|tinh|huyen|bo|trung uong)\b/g, ' ')
    .replace(/^thu tuc /, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function decide(ranked: Ranked[], query: Query, index: CoverageSource): SearchVerdict {
  const topical = query.concepts.length > 0;
  const best = ranked[0];
  if (!best || !topical) return { kind: 'none', coverage: 0, ranked, topical };
  const cov = coverage(query, best.doc, index);
  if (cov < NONE_COVERAGE || best.fit < MIN_CANDIDATE_FIT) return { kind: 'none', coverage: cov, ranked, topical };
  const rivals = ranked.slice(1).filter((r) => !areSiblings(best.procedure, r.procedure));
  const rival = rivals[0];
  const clear = !rival || rival.score < best.score * MATCH_MARGIN || (best.fit >= FULL_FIT && rival.fit <= best.fit - FIT_GAP);
  if (cov >= MATCH_COVERAGE && clear && best.fit >= MIN_MATCH_FIT) {
    return { kind: 'match', procedure: best.procedure, score: best.score, coverage: cov, ranked, topical };
  }
  const candidates = [best, ...rivals.filter((r) => r.score >= best.score * CANDIDATE_SHARE)].slice(0, MAX_CANDIDATES);
  return { kind: 'ambiguous', candidates, coverage: cov, ranked, topical };
}
