/**
 * The built-in Direct Line under hostile load, over real HTTP on loopback:
 * oversized payloads, floods of typing activities, conversations beyond the
 * memory cap, and token or post floods from one address.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { FIXED_NOW, testApp } from './helpers.js';
import { startServer } from './peers.js';

setFlagsFromString('--expose-gc');
const gc = (globalThis.gc ?? runInNewContext('gc')) as () => void;

type Conv = { token: string; id: string };
type Started = { app: App; base: string; close: () => Promise<void>; setNow: (ms: number) => void };

const running: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of running) await close();
});

async function start(env: Record<string, string>): Promise<Started> {
  let now = FIXED_NOW.getTime();
  const { app, cleanup } = await testApp({ WEBCHAT_TOKEN_SECRET: 'test-secret', ...env }, { clock: () => new Date(now) });
  const server = await startServer(app);
  const close = async () => {
    await server.close();
    await cleanup();
  };
  running.push(close);
  return { app, base: server.base, close, setNow: (ms) => (now = ms) };
}

async function call(base: string, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json().catch(() => undefined)) as Record<string, any> };
}

async function open(base: string): Promise<Conv> {
  const { body } = await call(base, 'POST', '/api/webchat/token');
  const started = await call(base, 'POST', '/v3/directline/conversations', body.token as string);
  expect(started.status).toBe(201);
  return { token: body.token as string, id: started.body.conversationId as string };
}

const post = (base: string, c: Conv, activity: unknown) => call(base, 'POST', `/v3/directline/conversations/${c.id}/activities`, c.token, activity);
const read = async (base: string, c: Conv, watermark?: string) =>
  (await call(base, 'GET', `/v3/directline/conversations/${c.id}/activities${watermark ? `?watermark=${watermark}` : ''}`, c.token)).body as {
    activities: Array<Record<string, any>>;
    watermark: string;
  };

function rssAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().rss;
}

describe('payload caps and memory bounds (limits off, 1 MB of streams)', () => {
  let s: Started;
  beforeAll(async () => {
    s = await start({ WEBCHAT_TOKENS_PER_MINUTE: '0', WEBCHAT_POSTS_PER_MINUTE: '0', WEBCHAT_MEMORY_MB: '1' });
  });

  it.each([
    ['a value over 4 KB', { type: 'event', name: 'x', value: 'v'.repeat(4_100) }],
    ['channelData over 4 KB', { type: 'message', text: 'chào', channelData: { pad: 'p'.repeat(4_100) } }],
    ['a typing value over 4 KB', { type: 'typing', value: { pad: 'v'.repeat(4_100) } }],
    ['a name over 200 characters', { type: 'event', name: 'n'.repeat(201) }],
  ])('answers %s with 400 and a Direct Line error', async (_label, activity) => {
    const c = await open(s.base);
    const res = await post(s.base, c, activity);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'BadArgument' } });
  });

  it('accepts payloads at the cap', async () => {
    const c = await open(s.base);
    expect((await post(s.base, c, { type: 'event', name: 'n'.repeat(200), value: 'v'.repeat(4_000), channelData: { pad: 'p'.repeat(4_000) } })).status).toBe(200);
  });

  it('keeps only a bare marker of a typing activity (Web Chat still gets its echo)', async () => {
    const c = await open(s.base);
    const before = await read(s.base, c);
    const res = await post(s.base, c, { type: 'typing', text: 'đang gõ', value: 'v'.repeat(4_000), name: 'x', channelData: { clientActivityID: 'client-7', pad: 'p'.repeat(4_000) } });
    expect(res.status).toBe(200);
    const [typing] = (await read(s.base, c, before.watermark)).activities;
    expect(typing).toMatchObject({ type: 'typing', id: res.body.id, from: { role: 'user' }, channelData: { clientActivityID: 'client-7' } });
    expect(typing!.text).toBeUndefined();
    expect(typing!.value).toBeUndefined();
    expect(typing!.name).toBeUndefined();
    expect(Object.keys(typing!.channelData)).toEqual(['clientActivityID']);
  });

  it('refuses 200 KB typing activities posted in a loop; the hub stays under its cap and memory stays flat', async () => {
    const convs = await Promise.all(Array.from({ length: 10 }, () => open(s.base)));
    const big = 'v'.repeat(200_000);
    const flood = async (posts: number) => {
      for (let i = 0; i < posts; i++) {
        const activity = i % 2 ? { type: 'typing', value: big } : { type: 'typing', channelData: { pad: big } };
        expect((await post(s.base, convs[i % convs.length]!, activity)).status).toBe(400);
        expect(s.app.hub.bytes).toBeLessThanOrEqual(1_048_576);
      }
    };
    // A first round grows the heap to what parsing such bodies needs; what the second adds is what stays.
    await flood(100);
    const rssBefore = rssAfterGc();
    const heapBefore = process.memoryUsage().heapUsed;
    await flood(800);
    const rssGrown = rssAfterGc() - rssBefore;
    const heapGrown = process.memoryUsage().heapUsed - heapBefore;
    // Stored, these would be 160 MB of heap. Refused, the heap is flat; RSS may keep some freed pages (about 30 MB here).
    expect(heapGrown).toBeLessThan(16 * 1_048_576);
    expect(rssGrown).toBeLessThan(100 * 1_048_576);
  }, 60_000);

  it('bounds the streams when every post is at the cap, evicting the idlest conversations', async () => {
    const keeper = await open(s.base);
    const others: Conv[] = [];
    const pad = { value: 'v'.repeat(4_000), channelData: { pad: 'p'.repeat(4_000) } };
    for (let n = 0; n < 8; n++) {
      const c = await open(s.base);
      others.push(c);
      for (let i = 0; i < 20; i++) {
        expect((await post(s.base, c, { type: 'event', name: 'filler', ...pad })).status).toBe(200);
        expect(s.app.hub.bytes).toBeLessThanOrEqual(1_048_576);
      }
      await read(s.base, keeper); // the keeper's page keeps polling
    }
    expect(s.app.hub.has(keeper.id)).toBe(true);
    expect(s.app.hub.has(others.at(-1)!.id)).toBe(true);
    expect(s.app.hub.has(others[0]!.id)).toBe(false);
    // An evicted conversation reads as empty; its token is still good, and a new post starts it again.
    expect((await read(s.base, others[0]!)).activities).toEqual([]);
    expect((await post(s.base, others[0]!, { type: 'message', text: 'xin chào' })).status).toBe(200);
    expect(s.app.hub.has(others[0]!.id)).toBe(true);
  }, 60_000);

  it('keeps a stream readable with correct watermarks after old activities are dropped', async () => {
    const c = await open(s.base);
    const start = Number((await read(s.base, c)).watermark);
    const posted: string[] = [];
    for (let i = 0; i < 600; i++) posted.push((await post(s.base, c, { type: 'typing', channelData: { clientActivityID: `t-${i}` } })).body.id as string);
    const all = await read(s.base, c, String(start));
    expect(all.watermark).toBe(String(start + 600));
    expect(all.activities.map((a) => a.id)).toEqual(posted.slice(100));
    const tail = await read(s.base, c, String(start + 590));
    expect(tail.activities.map((a) => a.id)).toEqual(posted.slice(590));
    const reply = await post(s.base, c, { type: 'message', text: 'làm giấy khai sinh cần giấy tờ gì' });
    const next = await read(s.base, c, all.watermark);
    expect(next.activities[0]).toMatchObject({ id: reply.body.id, type: 'message' });
    expect(next.activities.map((a) => a.text).join('\n')).toContain('khai sinh');
    expect(Number(next.watermark)).toBe(start + 600 + next.activities.length);
  }, 60_000);
});

describe('rate limits per client address (30 tokens, 120 posts a minute)', () => {
  let s: Started;
  let minute = 0;
  /** A fresh window: the limiters count per minute of the app's clock. */
  const nextMinute = () => s.setNow(FIXED_NOW.getTime() + ++minute * 60_000);
  beforeAll(async () => {
    s = await start({});
  });

  it('answers 2,000 token requests from one address with 30 tokens, then 429 with Retry-After', async () => {
    nextMinute();
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 2_000; i++) {
      const res = await call(s.base, 'POST', '/api/webchat/token');
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
    }
    expect(statuses.slice(0, 30).every((x) => x === 200)).toBe(true);
    expect(statuses.slice(30).every((x) => x === 429)).toBe(true);
    expect(Number(refused!.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused!.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused!.body).toMatchObject({ error: { code: 'TooManyRequests' } });
    // Without TRUST_PROXY a forged X-Forwarded-For changes nothing.
    expect((await call(s.base, 'POST', '/api/webchat/token', undefined, undefined, { 'x-forwarded-for': '198.51.100.9' })).status).toBe(429);
    nextMinute();
    expect((await call(s.base, 'POST', '/api/webchat/token')).status).toBe(200);
  }, 60_000);

  it('never admits more than the limit to concurrent token requests', async () => {
    nextMinute();
    const statuses = await Promise.all(Array.from({ length: 200 }, async () => (await call(s.base, 'POST', '/api/webchat/token')).status));
    expect(statuses.filter((x) => x === 200)).toHaveLength(30);
    expect(statuses.filter((x) => x === 429)).toHaveLength(170);
  }, 60_000);

  it('limits new conversations even with tokens collected elsewhere; resuming is free', async () => {
    nextMinute();
    const tokens = Array.from({ length: 40 }, (_, i) => s.app.directLineTokens.issue(`dl-collected-${minute}-${i}`, `u-${i}`).token);
    const results = await Promise.all(tokens.map((t) => call(s.base, 'POST', '/v3/directline/conversations', t)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(30);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(10);
    expect(refused[0]!.retryAfter).toMatch(/^\d+$/);
    const started = tokens[results.findIndex((r) => r.status === 201)]!;
    expect((await call(s.base, 'POST', '/v3/directline/conversations', started)).status).toBe(200);
  }, 60_000);

  it('never admits more than 120 concurrent posts from one address in a minute', async () => {
    nextMinute();
    const c = await open(s.base);
    const statuses = await Promise.all(Array.from({ length: 300 }, async () => (await post(s.base, c, { type: 'typing' })).status));
    expect(statuses.filter((x) => x === 200)).toHaveLength(120);
    expect(statuses.filter((x) => x === 429)).toHaveLength(180);
    nextMinute();
    expect((await post(s.base, c, { type: 'typing' })).status).toBe(200);
  }, 60_000);
});

describe('behind a trusted proxy', () => {
  it('counts clients by the right-most X-Forwarded-For entry, whatever the client wrote before it', async () => {
    const s = await start({ TRUST_PROXY: 'true', WEBCHAT_TOKENS_PER_MINUTE: '2' });
    const token = (forwarded: string) => call(s.base, 'POST', '/api/webchat/token', undefined, undefined, { 'x-forwarded-for': forwarded });
    expect((await token('6.6.6.1, 10.0.0.1')).status).toBe(200);
    expect((await token('6.6.6.2, 10.0.0.1')).status).toBe(200);
    expect((await token('6.6.6.3, 10.0.0.1')).status).toBe(429);
    expect((await token('10.0.0.1, 10.0.0.2')).status).toBe(200);
  });
});
