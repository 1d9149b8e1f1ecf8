/**
 * The background check: when the bundled knowledge runs alone, the national
 * catalogue is searched behind it. If what the catalogue finds for a question
 * is a procedure the knowledge does not cover, the honest answer is "not
 * covered here, this is the procedure and where it is handled", not the
 * nearest bundled procedure ("thời tiết ngày mai" is no funeral allowance).
 * The same analysed text is searched in both indexes (one lexicon).
 */
import type { AnalyzedText } from '../language/analyze.js';
import type { Catalogue } from './catalogue.js';
import type { Procedure } from './schema.js';
import { DEFAULT_RULE, type SearchVerdict, type VerdictRule } from './verdict.js';

/** What a question finds: the bundled verdict, and the catalogue procedures to refer to instead (empty: answer from the knowledge). */
export interface Finding {
  verdict: SearchVerdict;
  referral: Procedure[];
}

/** At most this many catalogue procedures are named in a referral. */
const MAX_REFERRALS = 3;

export class BackgroundCheck {
  constructor(
    private readonly local: Catalogue,
    /** The national catalogue; undefined turns the check off. */
    private readonly background: Catalogue | undefined,
    private readonly rule: VerdictRule = DEFAULT_RULE,
  ) {}

  find(analyzed: AnalyzedText): Finding {
    const verdict = this.local.index.searchAnalyzed(analyzed, { rule: this.rule });
    if (!this.background) return { verdict, referral: [] };
    const behind = this.background.index.searchAnalyzed(analyzed, { rule: this.rule });
    return { verdict, referral: referral(verdict, behind, (p) => this.covers(p), this.rule) };
  }

  /** The knowledge holds this procedure, or a variant it lists. */
  private covers(p: Procedure): boolean {
    return this.local.get(p.id) !== undefined || p.alternates.some((id) => this.local.get(id) !== undefined);
  }
}

/**
 * Refer when the catalogue knows what was asked — a clear match, or a choice
 * whose leader is well covered and named (the variant is what is unsure) —
 * and none of its leaders is covered here, unless the knowledge itself has a
 * confident match, or offers a leader the catalogue also ranks as a contender.
 * The thresholds are the verdict rule's own.
 */
export function referral(local: SearchVerdict, behind: SearchVerdict, covers: (p: Procedure) => boolean, rule: VerdictRule = DEFAULT_RULE): Procedure[] {
  if (behind.kind === 'none') return [];
  const lead = behind.ranked[0]!;
  if (behind.kind === 'ambiguous' && (behind.coverage < rule.matchCoverage || lead.headFit < rule.minMatchFit)) return [];
  const leaders = behind.kind === 'match' ? [behind.procedure] : behind.candidates.map((c) => c.procedure);
  if (leaders.some(covers)) return [];
  // The knowledge's wording (aliases, examples) often fits a citizen better than the catalogue's names.
  if (local.kind === 'match') return [];
  const top = local.ranked[0];
  if (top && local.kind === 'ambiguous' && behind.ranked.some((r) => r.procedure.id === top.procedure.id && r.score >= lead.score * rule.candidateShare)) return [];
  return leaders.slice(0, MAX_REFERRALS);
}
