/**
 * `npm run bench:search [-- --catalogue FILE --questions DIR --repeat N]`
 * Index build time, heap and search latency (p50/p99) over the development
 * questions, at three sizes: the bundled knowledge, the national catalogue,
 * and a ten-times-larger synthetic catalogue made by perturbing the national one.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadLexicon } from '../src/language/lexicon.js';
import { SearchIndex } from '../src/catalogue/searchIndex.js';
import { loadSources } from '../src/catalogue/sources.js';
import type { Procedure } from '../src/catalogue/schema.js';
import { parseQuestions } from '../src/catalogue/evaluation.js';
import { parseArgs, stringFlag } from '../src/cli/args.js';
import { syntheticCatalogue } from './synthetic.js';

const args = parseArgs(process.argv.slice(2));
const cataloguePath = stringFlag(args, 'catalogue') ?? '../shared/data/national-catalogue.jsonl.gz';
const questionsDir = stringFlag(args, 'questions') ?? '../shared/data/questions';
const repeat = Number(stringFlag(args, 'repeat') ?? 3);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function questions(): Promise<string[]> {
  const files = (await readdir(questionsDir)).filter((f) => f.endsWith('.tsv'));
  const all = await Promise.all(files.map(async (f) => parseQuestions(await readFile(path.join(questionsDir, f), 'utf8'))));
  return all.flat().map((q) => q.question);
}

function measure(label: string, procedures: readonly Procedure[], qs: string[]) {
  const lexicon = loadLexicon();
  const before = heapMb();
  const started = performance.now();
  const index = SearchIndex.build(procedures, lexicon);
  const buildMs = performance.now() - started;
  const heap = heapMb() - before;
  for (const q of qs.slice(0, 20)) index.search(q); // warm-up (JIT), not counted
  const times: number[] = [];
  for (let r = 0; r < repeat; r++) {
    for (const q of qs) {
      const t = performance.now();
      index.search(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { label, procedures: procedures.length, buildMs, heap, p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1)!, n: times.length };
}

async function main(): Promise<void> {
  const qs = await questions();
  const national = await loadSources([cataloguePath]);
  const rows = [
    measure('bundled knowledge/', await loadSources(['knowledge']), qs),
    measure('national catalogue', national, qs),
    measure('synthetic ×10', syntheticCatalogue(national, 10), qs),
  ];
  console.log(`Search benchmark — ${qs.length} development questions × ${repeat} runs, Node ${process.version}, ${process.arch}`);
  console.log('');
  console.log('| knowledge | procedures | build (ms) | heap (MB) | p50 (ms) | p99 (ms) | max (ms) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.procedures} | ${r.buildMs.toFixed(0)} | ${r.heap.toFixed(1)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(2)} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
