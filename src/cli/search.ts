/**
 * `npm run --silent search -- --json [--top N] [--knowledge PATH]`
 * One question a line on standard input; one JSON object a line on standard output.
 */
import { createInterface } from 'node:readline';
import { Catalogue } from '../catalogue/catalogue.js';
import { parseArgs, sourcesFrom, stringFlag } from './args.js';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const top = Number(stringFlag(args, 'top') ?? 5);
  const json = args.flags.has('json');
  const catalogue = await Catalogue.load(sourcesFrom(args));
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const query = line.trim();
    if (!query) continue;
    const started = performance.now();
    const verdict = catalogue.search(query, { top: Math.max(top, 1) });
    const ms = performance.now() - started;
    const results = verdict.ranked.slice(0, top).map((r) => ({ code: r.procedure.id, name: r.procedure.name, score: round(r.score) }));
    if (json) {
      process.stdout.write(`${JSON.stringify({ query, verdict: verdict.kind, results, ms: round(ms) })}\n`);
    } else {
      process.stdout.write(`${query}\n  → ${verdict.kind} (coverage ${round(verdict.coverage)}, ${round(ms)} ms)\n`);
      results.forEach((r, i) => process.stdout.write(`  ${i + 1}. ${r.code} ${r.name} [${r.score}]\n`));
    }
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
