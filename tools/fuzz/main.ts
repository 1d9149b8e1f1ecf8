/**
 * npm run fuzz -- --requests 20000 --seed 7 [--seconds 300] [--concurrency 8]
 *
 * Starts the server on loopback with every route on, sends the seeded
 * sequence of hostile requests, prints a table by kind of request and status
 * class, and exits 1 on any 5xx, unanswered request, dead server or silent
 * /healthz.
 */
import { parseArgs } from 'node:util';
import { runFuzz } from './runner.js';
import { formatReport } from './table.js';
import { startTarget } from './target.js';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '5000' }, seed: { type: 'string', default: '1' }, seconds: { type: 'string' }, concurrency: { type: 'string', default: '8' } },
});
const number = (name: string, raw: string | undefined) => {
  const n = Number(raw);
  if (raw !== undefined && (!Number.isFinite(n) || n <= 0)) {
    console.error(`--${name} must be a positive number`);
    process.exit(2);
  }
  return raw === undefined ? undefined : n;
};

const target = await startTarget();
const rssBefore = await target.rssMb();
let peak = rssBefore ?? 0;
const sampler = setInterval(() => void target.rssMb().then((mb) => (peak = Math.max(peak, mb ?? 0))), 500);
try {
  const report = await runFuzz({
    base: target.base, context: target.context, alive: target.dead,
    seed: number('seed', values.seed)!, requests: number('requests', values.requests)!, seconds: number('seconds', values.seconds), concurrency: number('concurrency', values.concurrency),
  });
  console.log(formatReport(report, { rssBefore, rssPeak: peak, rssAfter: await target.rssMb() }));
  if (report.failures.length) {
    console.error(`\nFAILED:\n${report.failures.join('\n')}\n\nserver log (last lines):\n${target.logTail()}`);
    process.exitCode = 1;
  }
} finally {
  clearInterval(sampler);
  await target.stop();
}
