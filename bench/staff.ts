/**
 * `npm run bench:staff [-- --catalogue FILE --questions DIR --count N]`
 * The console's instant search as an operator types: every prefix (keystroke)
 * of N development questions, through GET /api/staff/search on loopback with
 * a signed-in session, over the bundled knowledge plus the national catalogue
 * (2,642 procedures) as the background. Prints p50/p99/max of the HTTP round
 * trip, of the same search called in process (the server's share), and of
 * keystroke to rendered list in Chromium for 20 of the questions; beside
 * them, a chat turn with the full question (POST /api/messages, expectReplies).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp, serverDeps } from '../src/app.js';
import { parseQuestions } from '../src/catalogue/evaluation.js';
import { parseArgs, stringFlag } from '../src/cli/args.js';
import { parseConfig } from '../src/config.js';
import { createServer } from '../src/server.js';
import { browserKeystrokes } from './staffBrowser.js';

const args = parseArgs(process.argv.slice(2));
const cataloguePath = stringFlag(args, 'catalogue') ?? '../shared/data/national-catalogue.jsonl.gz';
const questionsDir = stringFlag(args, 'questions') ?? '../shared/data/questions';
const count = Number(stringFlag(args, 'count') ?? 100);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function keystrokes(): Promise<string[]> {
  const files = (await readdir(questionsDir)).filter((f) => f.endsWith('.tsv')).sort();
  const all = (await Promise.all(files.map(async (f) => parseQuestions(await readFile(path.join(questionsDir, f), 'utf8'))))).flat();
  // Every ~4th question, so all sets and styles are in the sample.
  const picked = all.filter((_, i) => i % Math.max(1, Math.floor(all.length / count)) === 0).slice(0, count);
  return picked.flatMap((q) => Array.from({ length: q.question.length }, (_, i) => q.question.slice(0, i + 1)));
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-staff-'));
  const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', BACKGROUND_CATALOGUE: cataloguePath });
  const app = await createApp(config);
  await app.staff.accounts.add('bench', 'staff', 'mat-khau-do-hieu-nang');
  const server = createServer(serverDeps(app));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signIn = await fetch(`${base}/api/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'mat-khau-do-hieu-nang' }) });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

  const typed = await keystrokes();
  for (const q of typed.slice(0, 50)) app.staff.console.search(q); // warm-up
  const inProcess: number[] = [];
  for (const q of typed) {
    const t = performance.now();
    app.staff.console.search(q);
    inProcess.push(performance.now() - t);
  }
  const http: number[] = [];
  for (const q of typed) {
    const t = performance.now();
    const res = await fetch(`${base}/api/staff/search?q=${encodeURIComponent(q)}`, { headers: { cookie } });
    await res.json();
    http.push(performance.now() - t);
  }
  // The chat's own turn, for comparison: the full question through /api/messages (expectReplies), a new conversation each.
  const chat: number[] = [];
  const full = [...new Set(typed.filter((_, i) => typed[i + 1] === undefined || !typed[i + 1]!.startsWith(typed[i]!)))];
  for (const [i, text] of full.entries()) {
    const t = performance.now();
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', deliveryMode: 'expectReplies', text, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', from: { id: `u${i}` }, recipient: { id: 'bot' }, conversation: { id: `bench-${i}` } }),
    });
    await res.json();
    chat.push(performance.now() - t);
  }
  const questionsTyped = full.slice(0, 20);
  const browser = await browserKeystrokes(base, cookie, questionsTyped);
  await new Promise<void>((r) => server.close(() => r()));
  await rm(dir, { recursive: true, force: true });

  const row = (label: string, times: number[]) => {
    const s = [...times].sort((a, b) => a - b);
    return `| ${label} | ${s.length} | ${percentile(s, 50).toFixed(2)} | ${percentile(s, 99).toFixed(2)} | ${s.at(-1)!.toFixed(2)} |`;
  };
  console.log(`Procedures: ${app.catalogue.size} bundled, the national catalogue (${cataloguePath}) as background; ${typed.length} keystrokes from ${count} questions\n`);
  console.log('| search | n | p50 (ms) | p99 (ms) | max (ms) |\n|---|---:|---:|---:|---:|');
  console.log(row('in process (StaffConsole.search)', inProcess));
  console.log(row('HTTP round trip (GET /api/staff/search)', http));
  console.log(row(`chat turn, for comparison (POST /api/messages, ${full.length} questions)`, chat));
  if (browser) console.log(row(`keystroke to rendered list, Chromium (${questionsTyped.length} questions)`, browser));
  else console.log('(no Chromium at CHROMIUM_PATH or /usr/bin/chromium: browser row skipped)');
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
