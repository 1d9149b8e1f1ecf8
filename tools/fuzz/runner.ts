/**
 * Sends the seeded request sequence to a running server with a few requests
 * in flight, probes /healthz alongside, and tallies the answers by kind of
 * request. A 5xx, a request with no answer within the bound, a dead server or
 * a /healthz that stops answering is a failure.
 */
import http from 'node:http';
import { nextRequest, type FuzzContext, type FuzzRequest } from './cases.js';
import { Prng } from './prng.js';

export interface FuzzOptions {
  base: string;
  seed: number;
  requests: number;
  /** Stop earlier once this many seconds have passed. */
  seconds?: number;
  concurrency?: number;
  /** Longest wait for one answer. */
  timeoutMs?: number;
  context: Omit<FuzzContext, 'conversations'>;
  /** Called between requests; a string ends the run as a failure (the server process died, say). */
  alive?: () => string | undefined;
}

export interface KindTally {
  sent: number;
  byClass: Record<'2xx' | '3xx' | '4xx' | '5xx' | 'no answer', number>;
  millis: number[];
}

export interface FuzzReport {
  seed: number;
  sent: number;
  tallies: Map<string, KindTally>;
  failures: string[];
  healthChecks: { sent: number; slowestMs: number };
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const rng = new Prng(options.seed);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const until = options.seconds ? Date.now() + options.seconds * 1000 : Infinity;
  const context: FuzzContext = { ...options.context, conversations: await openConversations(options.base, 4) };
  const report: FuzzReport = { seed: options.seed, sent: 0, tallies: new Map(), failures: [], healthChecks: { sent: 0, slowestMs: 0 } };
  const fail = (line: string) => report.failures.length < 50 && report.failures.push(line);

  let index = 0;
  const worker = async () => {
    while (index < options.requests && Date.now() < until && report.failures.length === 0) {
      const n = index++;
      const request = nextRequest(rng, context);
      const started = Date.now();
      const outcome = await send(options.base, request, timeoutMs);
      const tally = tallyOf(report, request.kind);
      tally.sent++;
      report.sent++;
      tally.millis.push(Date.now() - started);
      const cls = typeof outcome === 'number' ? (`${Math.floor(outcome / 100)}xx` as keyof KindTally['byClass']) : 'no answer';
      tally.byClass[cls] = (tally.byClass[cls] ?? 0) + 1;
      if (typeof outcome !== 'number') fail(`${reproducer(options.seed, n, request)}: ${outcome}`);
      else if (outcome >= 500) fail(`${reproducer(options.seed, n, request)}: HTTP ${outcome}`);
      const dead = options.alive?.();
      if (dead) fail(dead);
      if (n % 100 === 99) await healthCheck(options.base, report, fail);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  await healthCheck(options.base, report, fail);
  return report;
}

/** The failing request as sent (headers, the start of its body) and the command that replays the run up to it. */
function reproducer(seed: number, n: number, request: FuzzRequest): string {
  const body = request.body ? ` body(${request.body.length} B, base64 start)=${request.body.subarray(0, 300).toString('base64')}` : '';
  return `#${n} ${request.kind}: ${request.method} ${request.path.slice(0, 200)} headers=${JSON.stringify(request.headers).slice(0, 300)}${body}\n  replay: npm run fuzz -- --seed ${seed} --requests ${n + 1} --concurrency 1`;
}

function tallyOf(report: FuzzReport, kind: string): KindTally {
  let tally = report.tallies.get(kind);
  if (!tally) report.tallies.set(kind, (tally = { sent: 0, byClass: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, 'no answer': 0 }, millis: [] }));
  return tally;
}

/** /healthz must answer within 5 s while the fuzzing goes on. */
async function healthCheck(base: string, report: FuzzReport, fail: (line: string) => void): Promise<void> {
  const started = Date.now();
  const outcome = await send(base, { kind: 'health', method: 'GET', path: '/healthz', headers: {} }, 5_000);
  report.healthChecks.sent++;
  report.healthChecks.slowestMs = Math.max(report.healthChecks.slowestMs, Date.now() - started);
  if (outcome !== 200) fail(`/healthz: ${outcome}`);
}

/** Opens web chat conversations the Direct Line cases post into. */
async function openConversations(base: string, count: number): Promise<Array<{ id: string; token: string }>> {
  const out: Array<{ id: string; token: string }> = [];
  for (let i = 0; i < count; i++) {
    const issued = (await (await fetch(`${base}/api/webchat/token`, { method: 'POST' })).json()) as { conversationId: string; token: string };
    const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${issued.token}` } });
    if (!started.ok) throw new Error(`could not open a web chat conversation: HTTP ${started.status}`);
    out.push({ id: issued.conversationId, token: issued.token });
  }
  return out;
}

/** The status code, or why there was none. The answer's body is read and dropped. */
function send(base: string, request: FuzzRequest, timeoutMs: number): Promise<number | string> {
  const url = new URL(request.path, base);
  const headers: Record<string, string> = { ...request.headers };
  const declared = headers['x-fuzz-content-length'];
  delete headers['x-fuzz-content-length'];
  if (request.body) headers['content-length'] = declared ?? String(request.body.length);
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: number | string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(value);
    };
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: request.method, headers, agent: false }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => finish(res.statusCode ?? 0));
      res.on('error', () => finish(res.statusCode ?? 0));
    });
    const timer = setTimeout(() => {
      finish(`no answer within ${timeoutMs} ms`);
      req.destroy();
    }, timeoutMs);
    // A server that answers before reading the whole body (413, 415) may close the socket under us: that is an answer, not a failure.
    req.on('error', (error: NodeJS.ErrnoException) => setTimeout(() => finish(`connection error ${error.code ?? error.message}`), 50));
    req.end(request.body);
  });
}
