/**
 * `npm run tune:verdict [-- --catalogue FILE --questions DIR]`
 * Chooses the verdict's thresholds on half 1 of the development sets and
 * reports them on half 2 (the split is by procedure, see `halfOf`), so the
 * gap between the two halves shows how much of a figure is tuning.
 *
 * Objective: the mean "answered top-1" (a `none` verdict is a miss) over the
 * authored questions on the bundled knowledge and the real questions on the
 * national catalogue, alone and with the overlay, plus DIRECT_BONUS for each
 * of those answered directly rather than in a choice list. Constraints on the
 * out-of-scope questions: at most MAX_CONFIDENT_WRONG confident matches and at
 * least MIN_HONEST_NONE honest refusals.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadLexicon } from '../src/language/lexicon.js';
import { SearchIndex } from '../src/catalogue/searchIndex.js';
import { loadSources } from '../src/catalogue/sources.js';
import { halfOf, isRight, parseQuestions, type LabelledQuestion } from '../src/catalogue/evaluation.js';
import { DEFAULT_RULE, decide, type Ranked, type VerdictRule } from '../src/catalogue/verdict.js';
import type { Query } from '../src/catalogue/query.js';
import { parseArgs, stringFlag } from '../src/cli/args.js';

const MAX_CONFIDENT_WRONG = 0.05;
const MIN_HONEST_NONE = 0.5;
/** A right answer given directly saves the citizen a tap: worth a quarter of an answer over a choice list. */
const DIRECT_BONUS = 0.25;

const args = parseArgs(process.argv.slice(2));
const cataloguePath = stringFlag(args, 'catalogue') ?? '../shared/data/national-catalogue.jsonl.gz';
const questionsDir = stringFlag(args, 'questions') ?? '../shared/data/questions';

interface Case {
  question: LabelledQuestion;
  query: Query;
  ranked: Ranked[];
  index: SearchIndex;
}

async function cases(index: SearchIndex, file: string): Promise<Case[]> {
  const questions = parseQuestions(await readFile(path.join(questionsDir, file), 'utf8'));
  return questions.map((question) => ({ question, index, ...index.rankAnalyzed(index.analyze(question.question)) }));
}

const lexicon = loadLexicon();
const knowledge = SearchIndex.build(await loadSources(['knowledge']), lexicon);
const national = SearchIndex.build(await loadSources([cataloguePath]), lexicon);
const overlay = SearchIndex.build(await loadSources([cataloguePath, 'knowledge']), lexicon);
const sets = {
  authored: await cases(knowledge, 'dev-authored.tsv'),
  realNational: await cases(national, 'dev-real.tsv'),
  realOverlay: await cases(overlay, 'dev-real.tsv'),
};
const outOfScope = await cases(knowledge, 'dev-out-of-scope.tsv');

type Half = 1 | 2 | 'all';
const inHalf = (half: Half) => (c: Case) => half === 'all' || halfOf(c.question) === half;

/** Answered with the right procedure first; and of those, answered directly (a `match`: no choice to tap). */
function answered(rule: VerdictRule, set: Case[]): { answered: number; direct: number } {
  let answered = 0;
  let direct = 0;
  for (const c of set) {
    const kind = decide(c.ranked, c.query, c.index, rule).kind;
    if (kind === 'none' || !c.ranked[0] || !isRight(c.ranked[0].procedure, c.question.codes)) continue;
    answered++;
    if (kind === 'match') direct++;
  }
  return { answered: answered / (set.length || 1), direct: direct / (set.length || 1) };
}

function refusals(rule: VerdictRule, set: Case[]): { match: number; none: number } {
  const kinds = set.map((c) => decide(c.ranked, c.query, c.index, rule).kind);
  return { match: kinds.filter((k) => k === 'match').length / (kinds.length || 1), none: kinds.filter((k) => k === 'none').length / (kinds.length || 1) };
}

function figures(rule: VerdictRule, half: Half) {
  const results = Object.fromEntries(Object.entries(sets).map(([k, set]) => [k, answered(rule, set.filter(inHalf(half)))]));
  const scores = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r.answered])) as Record<keyof typeof sets, number>;
  const all = Object.values(results);
  const objective = all.reduce((sum, r) => sum + r.answered + DIRECT_BONUS * r.direct, 0) / all.length;
  return { ...scores, objective, outOfScope: refusals(rule, outOfScope.filter(inHalf(half))) };
}

const grid = {
  noneCoverage: [0.3, 0.35, 0.4, 0.45],
  matchCoverage: [0.6, 0.7, 0.8],
  matchMargin: [0.7, 0.8],
  unknownCredit: [0.25, 0.5, 1],
  bodyOnlyCredit: [0.5, 0.75],
  minCandidateFit: [0.15, 0.25, 0.35],
  minMatchFit: [0.5, 0.6, 0.7, 0.8],
} satisfies Partial<Record<keyof VerdictRule, number[]>>;

function* rules(): Generator<VerdictRule> {
  const keys = Object.keys(grid) as Array<keyof typeof grid>;
  const walk = function* (i: number, rule: VerdictRule): Generator<VerdictRule> {
    if (i === keys.length) return yield rule;
    for (const value of grid[keys[i]!]) yield* walk(i + 1, { ...rule, [keys[i]!]: value });
  };
  yield* walk(0, { ...DEFAULT_RULE });
}

let best: { rule: VerdictRule; objective: number } | undefined;
for (const rule of rules()) {
  const f = figures(rule, 1);
  if (f.outOfScope.match > MAX_CONFIDENT_WRONG || f.outOfScope.none < MIN_HONEST_NONE) continue;
  if (!best || f.objective > best.objective + 1e-9) best = { rule, objective: f.objective };
}

const fmt = (x: number) => x.toFixed(3);
const row = (label: string, rule: VerdictRule, half: Half) => {
  const f = figures(rule, half);
  return `| ${label} | ${half} | ${fmt(f.authored)} | ${fmt(f.realNational)} | ${fmt(f.realOverlay)} | ${fmt(f.outOfScope.match)} | ${fmt(f.outOfScope.none)} |`;
};
console.log('| rule | half | authored (bundled) | real (national) | real (overlay) | out-of-scope match | out-of-scope none |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const half of [1, 2, 'all'] as const) console.log(row('DEFAULT_RULE', DEFAULT_RULE, half));
if (best) {
  for (const half of [1, 2, 'all'] as const) console.log(row('tuned on half 1', best.rule, half));
  const changed = Object.entries(best.rule).filter(([k, v]) => DEFAULT_RULE[k as keyof VerdictRule] !== v);
  console.log(`\nTuned on half 1: ${changed.map(([k, v]) => `${k}=${v}`).join(', ') || 'the default rule'}`);
} else console.log('\nNo rule in the grid meets the out-of-scope constraints on half 1.');
