/**
 * A short seeded fuzz run against the real server (`npm run fuzz` runs longer
 * ones), and a check that the harness does notice a server that fails.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { runFuzz } from '../tools/fuzz/runner.js';
import { formatReport } from '../tools/fuzz/table.js';
import { startTarget, type Target } from '../tools/fuzz/target.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
let target: Target | undefined;
afterAll(() => target?.stop());

describe('fuzzing every route with hostile input', () => {
  it(`answers 2,000 seeded requests (seed ${SEED}) without a 5xx, a hang or a silent /healthz`, { timeout: 240_000 }, async () => {
    target = await startTarget();
    const before = (await target.rssMb()) ?? 0;
    const report = await runFuzz({ base: target.base, context: target.context, alive: target.dead, seed: SEED, requests: 2_000, concurrency: 8 });
    const after = (await target.rssMb()) ?? 0;
    const summary = formatReport(report, { rssBefore: before, rssAfter: after });
    expect(report.failures, `${summary}\n${target.logTail()}`).toEqual([]);
    expect(report.sent).toBe(2_000);
    // Every kind of hostile request was tried, and the bombs and uploads cost no memory worth the name.
    expect(report.tallies.get('body: gzip bomb')?.byClass['4xx']).toBeGreaterThan(0);
    expect(report.tallies.get('body: multipart')?.byClass['4xx']).toBe(report.tallies.get('body: multipart')?.sent);
    expect(after - before, summary).toBeLessThan(200);
  });

  it('reports a server that answers 5xx, and stops there', { timeout: 30_000 }, async () => {
    let posts = 0;
    const broken = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.url === '/api/webchat/token') return res.end('{"conversationId":"c","token":"t"}');
        if (req.url === '/v3/directline/conversations') return res.end('{}');
        if (req.method === 'POST' && ++posts % 7 === 0) return void (res.statusCode = 500, res.end('{}'));
        res.end('{}');
      });
    });
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
    const context = { sinkUrl: base, zalo: { appId: '1', oaSecretKey: 'k' }, eventsSecret: 's', officeToken: 't', now: () => Date.now() };
    const report = await runFuzz({ base, context, seed: 1, requests: 300, concurrency: 4, timeoutMs: 2_000 });
    broken.closeAllConnections();
    broken.close();
    expect(report.failures.some((f) => f.endsWith('HTTP 500'))).toBe(true);
    expect(report.sent).toBeLessThan(300); // the run stops at the first failure
  });
});
