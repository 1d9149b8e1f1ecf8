/**
 * `npm run eval -- --questions FILE [--knowledge PATH] [--only-covered] [--half 1|2] [--background CATALOGUE] [--misses]`
 * Scores a question file (TSV with `question` and `codes` columns): top-1,
 * top-3, MRR@10 and the verdicts, broken down by `style` and `aspect` when present;
 * with `--background`, as the guide answers with the background check on.
 */
import { readFile } from 'node:fs/promises';
import { Catalogue } from '../catalogue/catalogue.js';
import { evaluate, formatReport, halfOf, parseQuestions } from '../catalogue/evaluation.js';
import { parseArgs, sourcesFrom, stringFlag } from './args.js';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = stringFlag(args, 'questions');
  if (!file) throw new Error('Cách dùng: npm run eval -- --questions FILE [--knowledge PATH] [--only-covered] [--half 1|2] [--background CATALOGUE] [--misses]');
  const catalogue = await Catalogue.load(sourcesFrom(args));
  let questions = parseQuestions(await readFile(file, 'utf8'));
  if (args.flags.has('only-covered')) {
    questions = questions.filter((q) => q.codes.some((c) => catalogue.get(c)));
  }
  const half = stringFlag(args, 'half');
  if (half !== undefined) {
    if (half !== '1' && half !== '2') throw new Error('--half nhận 1 hoặc 2');
    questions = questions.filter((q) => halfOf(q) === Number(half));
  }
  const backgroundPath = stringFlag(args, 'background');
  const background = backgroundPath ? await Catalogue.load([backgroundPath]) : undefined;
  const report = evaluate(catalogue, questions, background);
  console.log(formatReport(report, { file, sources: sourcesFrom(args), background: backgroundPath, misses: args.flags.has('misses') }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
