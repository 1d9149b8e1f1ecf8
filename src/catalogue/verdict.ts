/**
 * From a ranking to a verdict the dialogs can act on: one procedure, a short
 * list to choose from, or an honest "nothing fits". Scores are BM25F sums
 * (higher is better, unbounded); coverage is the share of the question's
 * content words, weighted by rarity, that the procedure's text contains.
 */
import type { Procedure } from './schema.js';
import type { Query } from './query.js';
import { fold } from '../language/normalize.js';
import { variantChoice, type VariantChoice } from './variants.js';

export interface Ranked {
  procedure: Procedure;
  doc: number;
  score: number;
  /** Share of the procedure's name (or best alias) the question mentions, 0..1. */
  fit: number;
  /** The same for the name's head, before its qualifiers ("… cho công dân Việt Nam"); at least `fit`. */
  headFit: number;
}

interface VerdictBase {
  coverage: number;
  ranked: Ranked[];
  /** False when the question names no procedure at all ("còn lệ phí thì sao?"). */
  topical: boolean;
}

export type SearchVerdict =
  | (VerdictBase & { kind: 'match'; procedure: Procedure; score: number })
  /** `variants` when the leaders are variants of one procedure (variants.ts): the candidates are that family, then others. */
  | (VerdictBase & { kind: 'ambiguous'; candidates: Ranked[]; variants?: VariantChoice })
  | (VerdictBase & { kind: 'none' });

/**
 * The thresholds of the verdict, in one object so that a tuning run can vary
 * them and a table test can state them. DEFAULT_RULE is what the assistant uses.
 */
export interface VerdictRule {
  /** Below this coverage the best procedure misses most of what was asked: nothing fits. */
  noneCoverage: number;
  /** From this coverage on, and clear of the runner-up, the best procedure is the answer. */
  matchCoverage: number;
  /** The runner-up must score under this share of the best for a clear match. */
  matchMargin: number;
  /** Candidates offered for a choice score at least this share of the best. */
  candidateShare: number;
  /**
   * Also a clear match, whatever the scores: the question names the best
   * procedure in full while the runner-up's name adds things not asked
   * ("đăng ký kết hôn" vs "… có yếu tố nước ngoài")…
   */
  fullFit: number;
  /** …and the runner-up's name is at least this much less covered. */
  fitGap: number;
  maxCandidates: number;
  /** A word found only in body text (document lists) is weaker evidence than one in what the procedure is about. */
  bodyOnlyCredit: number;
  /**
   * A word no procedure uses ("xấu", "lục tung", a name) cannot tell procedures
   * apart and is mostly the citizen's story: it counts this share of the
   * rarest word's weight against coverage.
   */
  unknownCredit: number;
  /** A confident match needs at least this much of its name asked for. */
  minMatchFit: number;
  /** Below this, not even a choice is offered: the question shares no part of the best procedure's name. */
  minCandidateFit: number;
}

/** Chosen by `npm run tune:verdict` on half 1 of the development sets (see the README for both halves). */
export const DEFAULT_RULE: Readonly<VerdictRule> = Object.freeze({
  noneCoverage: 0.35,
  matchCoverage: 0.7,
  matchMargin: 0.8,
  candidateShare: 0.6,
  fullFit: 0.9,
  fitGap: 0.15,
  maxCandidates: 5,
  bodyOnlyCredit: 0.5,
  unknownCredit: 0.25,
  minMatchFit: 0.7,
  minCandidateFit: 0.35,
});

/** Beside a family of variants, at most this many other procedures are offered. */
const OTHERS_BESIDE_VARIANTS = 2;

export interface CoverageSource {
  weightIn(term: string, doc: number): number;
  inFocus(term: string, doc: number): boolean;
}

export function coverage(query: Query, doc: number, index: CoverageSource, rule: VerdictRule = DEFAULT_RULE): number {
  let total = 0;
  let covered = 0;
  for (const concept of query.concepts) {
    const weight = concept.weight * (concept.known ? concept.idf : concept.idf * rule.unknownCredit);
    total += weight;
    if (concept.terms.some((t) => index.inFocus(t, doc))) covered += weight;
    else if (concept.terms.some((t) => index.weightIn(t, doc) > 0)) covered += weight * rule.bodyOnlyCredit;
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

export function decide(ranked: Ranked[], query: Query, index: CoverageSource, rule: VerdictRule = DEFAULT_RULE): SearchVerdict {
  const topical = query.concepts.length > 0;
  const best = ranked[0];
  if (!best || !topical) return { kind: 'none', coverage: 0, ranked, topical };
  const cov = coverage(query, best.doc, index, rule);
  if (cov < rule.noneCoverage || best.headFit < rule.minCandidateFit) return { kind: 'none', coverage: cov, ranked, topical };
  const rivals = ranked.slice(1).filter((r) => !areSiblings(best.procedure, r.procedure));
  const rival = rivals[0];
  const clear = !rival || rival.score < best.score * rule.matchMargin || (best.fit >= rule.fullFit && rival.fit <= best.fit - rule.fitGap);
  if (cov >= rule.matchCoverage && clear && best.fit >= rule.minMatchFit) {
    return { kind: 'match', procedure: best.procedure, score: best.score, coverage: cov, ranked, topical };
  }
  const candidates = [best, ...rivals.filter((r) => r.score >= best.score * rule.candidateShare)].slice(0, rule.maxCandidates);
  // Leaders that are variants of one procedure are asked as such, the family's lower-ranked members with
  // them (the right variant is often not among the leaders), then what else would have been offered.
  const variants = variantChoice(best.procedure, rivals.map((r) => r.procedure));
  if (variants) {
    const family = variants.variants.map((v) => ranked.find((r) => r.procedure === v.procedure)!);
    const others = candidates.filter((c) => !family.includes(c)).slice(0, OTHERS_BESIDE_VARIANTS);
    return { kind: 'ambiguous', candidates: [...family, ...others], variants, coverage: cov, ranked, topical };
  }
  return { kind: 'ambiguous', candidates, coverage: cov, ranked, topical };
}
