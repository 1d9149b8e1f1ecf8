/**
 * Feedback sent while the server is killed with SIGKILL at random moments:
 * 200 submissions from 8 citizens at a time, 10 kills, a restart after each.
 * Every tracking code a citizen was shown is in the store and reaches the
 * office, and every delivery of one record carries the same idempotency key
 * (so the receiver, deduplicating by it, takes each record exactly once).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Prng } from '../tools/fuzz/prng.js';
import { tempDir } from './helpers.js';
import { freePort } from './peers.js';
import { healthy, say, spawnServer, type ServerProcess } from './serverProcess.js';
import { Receiver } from './webhookReceiver.js';

const SUBMISSIONS = 200;
const KILLS = 10;
const AT_ONCE = 8;

let server: ServerProcess | undefined;
afterAll(() => server?.kill());

describe('feedback under repeated SIGKILL', () => {
  it(`keeps every code shown: ${SUBMISSIONS} submissions, ${KILLS} kills`, { timeout: 240_000 }, async () => {
    const { dir, cleanup } = await tempDir();
    const receiver = new Receiver(await freePort());
    await receiver.up();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port), DATA_DIR: dir, COMPLAINT_WEBHOOK_URL: receiver.url, COMPLAINT_WEBHOOK_SECRET: 'kill-test-webhook-secret',
      COMPLAINT_RETRY_BASE_SECONDS: '0.05', COMPLAINT_RETRY_MAX_SECONDS: '0.2', OUTBOX_INTERVAL_SECONDS: '0.2',
    };
    const rng = new Prng(20261202);
    // Kill after these many submissions have been answered (distinct, in order), a few milliseconds later.
    const killAt = new Set<number>();
    while (killAt.size < KILLS) killAt.add(rng.int(5, SUBMISSIONS - 5));

    let ready = (async () => {
      server = spawnServer(env);
      await healthy(base);
    })();
    const shown = new Map<string, number>();
    let answered = 0;
    let next = 0;
    let attempts = 0;

    /** One citizen's whole flow in a fresh conversation; the code shown, or undefined if the server died under it. */
    const submit = async (i: number, attempt: number): Promise<string | undefined> => {
      const conversation = `kill-${i}-${attempt}`;
      const phone = `09${String(10_000_000 + i).slice(-8)}`;
      try {
        for (const text of ['tôi muốn phản ánh', `Phản ánh số ${i}: cán bộ yêu cầu nộp thêm giấy tờ không có trong quy định của thủ tục.`, 'không', 'có',
          'Nguyễn Văn An', 'Số 12 ngõ 5, phường Mẫu, tỉnh Thử', phone, 'không']) await say(base, conversation, text);
        return /PAKN-\d{6}-\d{4}/.exec(await say(base, conversation, 'gửi'))?.[0];
      } catch {
        return undefined;
      }
    };

    const worker = async () => {
      while (next < SUBMISSIONS) {
        const i = next++;
        for (let attempt = 0; ; attempt++) {
          await ready;
          attempts++;
          const code = await submit(i, attempt);
          if (!code) continue; // the server died mid-flow: the citizen starts again
          shown.set(code, i);
          answered++;
          if (killAt.has(answered)) {
            killAt.delete(answered);
            const kill = server!;
            ready = (async () => {
              await new Promise((r) => setTimeout(r, rng.int(0, 30)));
              await kill.kill();
              server = spawnServer(env);
              await healthy(base);
            })();
          }
          break;
        }
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
    await ready;
    expect(shown.size).toBe(SUBMISSIONS);
    expect(attempts).toBeGreaterThan(SUBMISSIONS); // kills did land mid-flow

    // Everything is delivered once the outbox has nothing pending.
    const until = Date.now() + 60_000;
    while (((await (await fetch(`${base}/healthz`)).json()) as { outbox: { pending: number } }).outbox.pending > 0) {
      if (Date.now() > until) throw new Error('the outbox did not drain');
      await new Promise((r) => setTimeout(r, 100));
    }
    const stored = JSON.parse(await readFile(path.join(dir, 'complaints.json'), 'utf8')) as { complaints: Record<string, { status: string }> };
    const keys = new Map<string, Set<string>>();
    for (const delivery of receiver.received) {
      const code = (JSON.parse(delivery.body) as { code: string }).code;
      if (!keys.has(code)) keys.set(code, new Set());
      keys.get(code)!.add(String(delivery.headers['idempotency-key']));
    }
    for (const code of shown.keys()) {
      expect(stored.complaints[code], code).toMatchObject({ status: 'forwarded' });
      expect([...(keys.get(code) ?? [])], code).toEqual([`${code}:webhook`]);
    }
    await server!.kill();
    await receiver.down();
    await cleanup();
  });
});
