import { readFile } from 'node:fs/promises';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDeps, type App } from '../src/app.js';
import { createServer } from '../src/server.js';
import { FIXED_NOW, testApp } from './helpers.js';

const BUNDLE_FILE = path.join(path.dirname(createRequire(import.meta.url).resolve('botframework-webchat')), '..', 'dist', 'webchat.js');

let app: App;
let cleanup: () => Promise<void>;
let server: Server;
let base: string;
let now = FIXED_NOW;

beforeAll(async () => {
  ({ app, cleanup } = await testApp({ WEBCHAT_TOKEN_SECRET: 'test-secret', WEBCHAT_TOKEN_TTL_SECONDS: '600', BODY_LIMIT_BYTES: '20000' }, { clock: () => now }));
  server = createServer(serverDeps(app));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await cleanup();
});

type Activity = { id: string; type: string; text?: string; from: { id: string; role?: string }; attachments?: unknown[]; channelData?: Record<string, unknown> };

async function call(method: string, path: string, token: string | undefined, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, unknown> };
}

/** What the page does: a token, then start the conversation. */
async function open() {
  const { body } = await call('POST', '/api/webchat/token', undefined);
  const token = body.token as string;
  const started = await call('POST', '/v3/directline/conversations', token);
  expect(started.status).toBe(201);
  return { token, id: started.body.conversationId as string };
}

const read = async (c: { token: string; id: string }, watermark?: string) =>
  (await call('GET', `/v3/directline/conversations/${c.id}/activities${watermark ? `?watermark=${watermark}` : ''}`, c.token)).body as { activities: Activity[]; watermark: string };

const say = (c: { token: string; id: string }, text: string) =>
  call('POST', `/v3/directline/conversations/${c.id}/activities`, c.token, { type: 'message', text, from: { id: 'spoofed' }, channelData: { clientActivityID: 'client-1' } });

describe('the built-in Direct Line', () => {
  it('greets a new conversation, echoes the message and returns the replies after the watermark', async () => {
    const c = await open();
    const first = await read(c);
    expect(first.activities.map((a) => a.text).join('\n')).toMatch(/trợ lý ảo/);
    expect((await say(c, 'làm giấy khai sinh cần giấy tờ gì')).status).toBe(200);
    const next = await read(c, first.watermark);
    const [echo, ...replies] = next.activities;
    expect(echo).toMatchObject({ text: 'làm giấy khai sinh cần giấy tờ gì', channelData: { clientActivityID: 'client-1' }, from: { role: 'user' } });
    expect(echo!.from.id).not.toBe('spoofed');
    expect(replies.map((a) => a.text).join('\n')).toContain('Giấy tờ cần chuẩn bị — Đăng ký khai sinh');
    expect(Number(next.watermark)).toBe(Number(first.watermark) + next.activities.length);
    expect((await read(c, next.watermark)).activities).toEqual([]);
  });

  it('keeps conversations apart: a token cannot read or write another conversation', async () => {
    const a = await open();
    const b = await open();
    await say(a, 'thủ tục đăng ký kết hôn');
    expect((await call('GET', `/v3/directline/conversations/${a.id}/activities`, b.token)).status).toBe(403);
    expect((await call('POST', `/v3/directline/conversations/${a.id}/activities`, b.token, { type: 'message', text: 'x' })).status).toBe(403);
    expect((await read(b)).activities.map((x) => x.text).join('\n')).not.toContain('kết hôn');
  });

  it('refuses missing, forged and expired tokens, and refreshes a valid one', async () => {
    const c = await open();
    expect((await call('GET', `/v3/directline/conversations/${c.id}/activities`, undefined)).status).toBe(401);
    expect((await call('GET', `/v3/directline/conversations/${c.id}/activities`, `${c.token}x`)).status).toBe(401);
    now = new Date(FIXED_NOW.getTime() + 500_000);
    const refreshed = await call('POST', '/v3/directline/tokens/refresh', c.token);
    expect(refreshed.status).toBe(200);
    now = new Date(FIXED_NOW.getTime() + 700_000);
    const expired = await call('GET', `/v3/directline/conversations/${c.id}/activities`, c.token);
    expect(expired.status).toBe(403);
    expect(expired.body).toMatchObject({ error: { code: 'TokenExpired' } });
    const fresh = refreshed.body.token as string;
    expect((await call('GET', `/v3/directline/conversations/${c.id}/activities`, fresh)).status).toBe(200);
    now = FIXED_NOW;
  });

  it.each([
    ['malformed JSON', '{"type": "message", "text": '],
    ['an unknown activity type', { type: 'invoke', name: 'x' }],
    ['a text over 4,000 characters', { type: 'message', text: 'a'.repeat(4001) }],
  ])('answers %s with 400', async (_label, body) => {
    const c = await open();
    expect((await call('POST', `/v3/directline/conversations/${c.id}/activities`, c.token, body)).status).toBe(400);
  });

  it('answers an oversized post with 413', async () => {
    const c = await open();
    expect((await call('POST', `/v3/directline/conversations/${c.id}/activities`, c.token, { type: 'message', text: 'a', channelData: { pad: 'x'.repeat(30_000) } })).status).toBe(413);
  });

  it('delivers a proactive message (an office answer) into the page conversation', async () => {
    const c = await open();
    for (const t of ['tôi muốn phản ánh', 'Cán bộ yêu cầu nộp thêm giấy tờ không có trong quy định của thủ tục đăng ký tạm trú ở phường.', 'không', 'có',
      'Nguyễn Văn An', 'Số 12 ngõ 5, phường Mẫu, tỉnh Thử', '0912345678', 'không', 'gửi']) await say(c, t);
    const before = await read(c);
    const code = /PAKN-\d{6}-\d{4}/.exec(before.activities.map((a) => a.text).join('\n'))![0];
    const result = await app.answerCitizen(code, 'answered', 'Phường đã nhắc nhở cán bộ và tiếp nhận hồ sơ của bạn.');
    expect(result?.notified).toBe(true);
    const after = await read(c, before.watermark);
    expect(after.activities.map((a) => a.text).join('\n')).toContain('Phường đã nhắc nhở cán bộ');
  });
});

describe('the web chat pages', () => {
  it('serves the chat page in Vietnamese with the bundle from our own origin', async () => {
    const res = await fetch(`${base}/chat`);
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<script src="/webchat/webchat.js"></script>');
    expect(html).toContain("locale: 'vi-VN'");
    expect(html).not.toMatch(/cdn\.botframework\.com|unpkg|jsdelivr/);
  });

  it('serves the official Web Chat bundle and the embed script', async () => {
    const bundle = await fetch(`${base}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
    const embed = await (await fetch(`${base}/embed.js`)).text();
    expect(embed).toContain("frame.src = origin + '/chat'");
  });
});

describe('the Web Chat bundle on the wire', () => {
  // Raw bytes as sent (fetch would decode them).
  const get = (headers: Record<string, string>) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      httpGet(`${base}/webchat/webchat.js`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.8', 'gzip'],
    ['', undefined],
    ['identity;q=0', undefined],
  ])('answers Accept-Encoding "%s" with %s, the same script once decoded', async (accept, encoding) => {
    const original = await readFile(BUNDLE_FILE);
    const res = await get(accept ? { 'accept-encoding': accept } : {});
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    const decoded = encoding === 'br' ? brotliDecompressSync(res.body) : encoding === 'gzip' ? gunzipSync(res.body) : res.body;
    expect(decoded.equals(original)).toBe(true);
    if (encoding) expect(res.body.length).toBeLessThan(original.length / 3);
  });

  it('answers a revalidation with its ETag by 304 and no body', async () => {
    const first = await get({ 'accept-encoding': 'br' });
    const again = await get({ 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(first.headers['cache-control']).toMatch(/max-age=\d+/);
  });
});

describe('with Azure Direct Line configured', () => {
  it('exchanges the secret for a token on the server; the page never sees the secret', async () => {
    const http = await import('node:http');
    const seen: Array<string | undefined> = [];
    const azure = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 }));
    });
    await new Promise<void>((r) => azure.listen(0, '127.0.0.1', () => r()));
    const endpoint = `http://127.0.0.1:${(azure.address() as AddressInfo).port}/v3/directline`;
    const { app: azureApp, cleanup: done } = await testApp({ DIRECT_LINE_SECRET: 'the-direct-line-secret', DIRECT_LINE_ENDPOINT: endpoint });
    const s = createServer(serverDeps(azureApp));
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const origin = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

    const token = await (await fetch(`${origin}/api/webchat/token`, { method: 'POST' })).json();
    expect(token).toEqual({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 });
    expect(seen).toEqual(['Bearer the-direct-line-secret']);
    const html = await (await fetch(`${origin}/chat`)).text();
    expect(html).toContain(endpoint);
    expect(html).not.toContain('the-direct-line-secret');

    await new Promise<void>((r) => s.close(() => r()));
    await new Promise<void>((r) => azure.close(() => r()));
    await done();
  });
});
