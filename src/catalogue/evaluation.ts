/**
 * Retrieval quality on a labelled question set. A result is right when its
 * code, or one of its declared alternates, is among the question's codes.
 */
import { BackgroundCheck } from './backgroundCheck.js';
import type { Catalogue } from './catalogue.js';
import type { Procedure } from './schema.js';
import type { SearchVerdict } from './verdict.js';

/** A verdict, or a referral to catalogue procedures the knowledge does not cover (the background check). */
export type OutcomeKind = SearchVerdict['kind'] | 'referred';

export interface LabelledQuestion {
  id: string;
  question: string;
  codes: string[];
  style?: string;
  aspect?: string;
}

export function parseQuestions(tsv: string): LabelledQuestion[] {
  const [header, ...rows] = tsv.split(/\r?\n/).filter((l) => l.trim());
  const columns = (header ?? '').split('\t');
  const col = (name: string) => columns.indexOf(name);
  if (col('question') < 0 || col('codes') < 0) throw new Error('Tệp câu hỏi cần các cột "question" và "codes"');
  return rows.map((row, i) => {
    const cells = row.split('\t');
    const get = (name: string) => (col(name) >= 0 ? cells[col(name)]?.trim() : undefined);
    return {
      id: get('id') ?? String(i + 1),
      question: get('question') ?? '',
      codes: (get('codes') ?? '').split(/\s+/).filter(Boolean),
      style: get('style'),
      aspect: get('aspect'),
    };
  });
}

/**
 * Which half (1 or 2) a question falls in for a split-half check. Split by
 * the procedure asked for, not by question: the paraphrases of one question
 * (formal, casual, without diacritics) stay together, so the half a rule was
 * not tuned on holds procedures it has never seen questions about.
 */
export function halfOf(question: LabelledQuestion): 1 | 2 {
  const key = [...question.codes].sort()[0] ?? question.id;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % 2 === 0 ? 1 : 2;
}

interface Outcome {
  question: LabelledQuestion;
  rank: number | undefined;
  verdict: OutcomeKind;
  top: string | undefined;
  /** The referral named a procedure the question is about. */
  referredRight: boolean;
  /** The right procedure was the answer or among the choices offered (not a referral). */
  offered: boolean;
}

export interface Tally {
  n: number;
  /** Right procedure first and answered from the knowledge: what the citizen sees. `none` and a referral are misses. */
  answered: number;
  /** Right procedure ranked first, whatever the verdict (what search tuning moves). */
  top1: number;
  top3: number;
  mrr: number;
  verdicts: Record<OutcomeKind, number>;
  /** Referrals that named a right procedure. */
  referredRight: number;
  /** The right procedure answered or among the choices offered: one tap away for the citizen. */
  offered: number;
}

export interface EvaluationReport {
  overall: Tally;
  byStyle: Map<string, Tally>;
  byAspect: Map<string, Tally>;
  outcomes: Outcome[];
}

export const isRight = (p: Procedure, codes: string[]) => codes.includes(p.id) || p.alternates.some((a) => codes.includes(a));

/** Scores the questions as the guide answers them: with the background check when a background catalogue is given. */
export function evaluate(catalogue: Catalogue, questions: LabelledQuestion[], background?: Catalogue): EvaluationReport {
  const check = new BackgroundCheck(catalogue, background);
  const outcomes = questions.map((question): Outcome => {
    const { verdict, referral } = check.find(catalogue.index.analyze(question.question));
    const index = verdict.ranked.findIndex((r) => isRight(r.procedure, question.codes));
    return {
      question,
      rank: index >= 0 ? index + 1 : undefined,
      verdict: referral.length > 0 ? 'referred' : verdict.kind,
      top: (referral[0] ?? verdict.ranked[0]?.procedure)?.id,
      referredRight: referral.some((p) => isRight(p, question.codes)),
      offered: referral.length === 0 && offeredProcedures(verdict).some((p) => isRight(p, question.codes)),
    };
  });
  const group = (key: (q: LabelledQuestion) => string | undefined) => {
    const groups = new Map<string, Outcome[]>();
    for (const o of outcomes) {
      const k = key(o.question);
      if (k) groups.set(k, [...(groups.get(k) ?? []), o]);
    }
    return new Map([...groups].sort().map(([k, v]) => [k, tally(v)]));
  };
  return { overall: tally(outcomes), byStyle: group((q) => q.style), byAspect: group((q) => q.aspect), outcomes };
}

function tally(outcomes: Outcome[]): Tally {
  const n = outcomes.length || 1;
  const verdicts = { match: 0, ambiguous: 0, none: 0, referred: 0 };
  outcomes.forEach((o) => verdicts[o.verdict]++);
  return {
    n: outcomes.length,
    answered: outcomes.filter((o) => o.rank === 1 && o.verdict !== 'none' && o.verdict !== 'referred').length / n,
    top1: outcomes.filter((o) => o.rank === 1).length / n,
    top3: outcomes.filter((o) => o.rank !== undefined && o.rank <= 3).length / n,
    mrr: outcomes.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0) / n,
    verdicts,
    referredRight: outcomes.filter((o) => o.referredRight).length / n,
    offered: outcomes.filter((o) => o.offered).length / n,
  };
}

/** What the citizen is shown: the answer, or the choices. */
function offeredProcedures(verdict: SearchVerdict): Procedure[] {
  if (verdict.kind === 'match') return [verdict.procedure];
  return verdict.kind === 'ambiguous' ? verdict.candidates.map((c) => c.procedure) : [];
}

export function formatReport(r: EvaluationReport, opts: { file: string; sources: string[]; background?: string; misses: boolean }): string {
  const pct = (x: number) => x.toFixed(3);
  const row = (label: string, t: Tally) =>
    `| ${label.padEnd(14)} | ${String(t.n).padStart(4)} | ${pct(t.answered)} | ${pct(t.top1)} | ${pct(t.top3)} | ${pct(t.mrr)} | ${pct(t.verdicts.match / (t.n || 1))} | ${pct(t.verdicts.ambiguous / (t.n || 1))} | ${pct(t.verdicts.none / (t.n || 1))} | ${pct(t.verdicts.referred / (t.n || 1))} | ${pct(t.referredRight)} | ${pct(t.offered)} |`;
  const lines = [
    `Questions: ${opts.file}`,
    `Knowledge: ${opts.sources.join(', ')}`,
    `Background check: ${opts.background ?? 'off'}`,
    '',
    '| group          |    n | answered top-1 | ranked top-1 | top-3 | MRR@10 | match | ambiguous | none | referred | referred right | offered |',
    '|----------------|-----:|---------------:|-------------:|------:|-------:|------:|----------:|-----:|---------:|---------------:|--------:|',
    row('all', r.overall),
    ...[...r.byStyle].map(([k, t]) => row(`style:${k}`, t)),
    ...[...r.byAspect].map(([k, t]) => row(`aspect:${k}`, t)),
  ];
  if (opts.misses) {
    lines.push('', 'Misses (not answered with the right procedure first):');
    for (const o of r.outcomes.filter((o) => o.rank !== 1 || o.verdict === 'none' || o.verdict === 'referred')) {
      lines.push(`  ${o.question.id} [${o.verdict}, rank ${o.rank ?? '-'}; top ${o.top ?? '-'}; want ${o.question.codes.join(' ')}] ${o.question.question.slice(0, 110)}`);
    }
  }
  return lines.join('\n');
}
