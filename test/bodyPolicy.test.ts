/**
 * The server-wide body policy, over real HTTP on loopback: decoded-size limit
 * (decompression bombs), content types (multipart never reaches the disk),
 * nesting depth, encodings.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { testApp } from './helpers.js';
import { startServer } from './peers.js';

let app: App;
let cleanup: () => Promise<void>;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  ({ app, cleanup } = await testApp());
  server = await startServer(app);
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

/** A raw request, so headers such as Content-Encoding go out exactly as written. */
function request(pathname: string, body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.base}${pathname}`, { method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server may answer and close before it has read everything we send.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

/** Valid JSON followed by `inflatedMb` MB of spaces, gzipped: a few hundred KB on the wire. */
async function gzipBomb(inflatedMb: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((r) => gzip.on('end', r));
  gzip.write('{"type":"message"}');
  const spaces = Buffer.alloc(1 << 20, 0x20);
  for (let i = 0; i < inflatedMb; i++) if (!gzip.write(spaces)) await new Promise((r) => gzip.once('drain', r));
  gzip.end();
  await done;
  return Buffer.concat(parts);
}

const activity = (text: string) => ({
  type: 'message', deliveryMode: 'expectReplies', text, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9',
  from: { id: 'citizen-body' }, recipient: { id: 'bot' }, conversation: { id: 'body-policy-1' },
});

describe('body policy', () => {
  it('cuts a gzip bomb off at the decoded limit with 413, four at once, memory bounded, /healthz answering', async () => {
    const bomb = await gzipBomb(200);
    expect(bomb.length).toBeLessThan(1_000_000);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const bombs = Array.from({ length: 4 }, () => request('/api/messages', bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' }));
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
    for (const result of await Promise.all(bombs)) expect(result.status).toBe(413);
    // Inflating one bomb whole costs 200 MB; the limit keeps the cost to about its 256 KB per request.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });

  it('decodes a gzip body under the limit and answers it', async () => {
    const res = await request('/api/messages', gzipSync(JSON.stringify(activity('đăng ký tạm trú'))), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('tạm trú');
  });

  it.each([
    ['invalid gzip', Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }, 400],
    ['an unknown encoding', Buffer.from('{}'), { 'content-encoding': 'compress' }, 415],
    ['plain text', Buffer.from('xin chào'), { 'content-type': 'text/plain' }, 415],
    ['a form', Buffer.from('a=1&b=2'), { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), {}, 400],
    ['20,000 levels of nesting', Buffer.from(`{"type":"message","value":${'['.repeat(20_000)}${']'.repeat(20_000)}}`), {}, 400],
    ['a declared length over the limit', Buffer.from('{}'), { 'content-length': '999999999' }, 413],
  ])('refuses %s', async (_label, body, headers, status) => {
    const res = await request('/api/messages', body, { 'content-type': 'application/json', ...headers });
    expect(res.status).toBe(status);
    expect(res.text).not.toMatch(/at .+\.[tj]s:\d+/);
  });

  it('reads and drops the rest of an oversized body, so a client still sending it sees its 413, not a broken pipe', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const chunks = 24; // 1.5 MB declared: ~6 times the limit, inside what the server drains
    const req = http.request(`${server.base}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(chunk.length * chunks) } });
    const failed = new Promise<string>((resolve) => req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message)));
    const answered = new Promise<number>((resolve) => req.on('response', (res) => (res.resume(), res.on('end', () => resolve(res.statusCode ?? 0)))));
    for (let i = 0; i < 6; i++) req.write(chunk);
    expect(await answered).toBe(413); // answered while the client is still sending…
    for (let i = 6; i < chunks; i++) req.write(chunk);
    const finished = new Promise<string>((resolve) => req.end(() => resolve('sent')));
    expect(await Promise.race([finished, failed])).toBe('sent'); // …and the rest still goes through
    agent.destroy();
  });

  it('refuses multipart with 415 on every route before writing anything to disk', async () => {
    const marker = `upload-marker-${process.pid}-${Date.now()}`;
    const boundary = 'xxBOUNDARYxx';
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${marker}${'z'.repeat(200_000)}\r\n--${boundary}--\r\n`;
    const before = new Set(await readdir(os.tmpdir()));
    for (const route of ['/api/messages', '/api/zalo', '/api/dossiers/events', '/v3/directline/conversations', '/api/webchat/token', '/no/such/route']) {
      const res = await request(route, part, { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(res.status, route).toBe(415);
    }
    for (const name of (await readdir(os.tmpdir())).filter((n) => !before.has(n))) {
      const file = path.join(os.tmpdir(), name);
      if ((await stat(file).catch(() => undefined))?.isFile()) expect(await readFile(file, 'utf8')).not.toContain(marker);
    }
  });
});

describe('time spent on one request is bounded', () => {
  it('a serviceUrl that never answers holds the turn only for CONNECTOR_TIMEOUT_MS', async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent = http.createServer(() => undefined); // accepts, never answers
    silent.on('connection', (s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const { app: bounded, cleanup: done } = await testApp({ CONNECTOR_TIMEOUT_MS: '300' });
    const s = await startServer(bounded);
    try {
      const started = performance.now();
      const res = await fetch(`${s.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity('xin chào'), deliveryMode: undefined, serviceUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, conversation: { id: 'silent-1' } }),
      });
      expect(res.status).toBeLessThan(500);
      // The reply and the apology each wait at most 300 ms (retries included); unbounded, this took minutes.
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      sockets.forEach((x) => x.destroy());
      await new Promise<void>((r) => silent.close(() => r()));
      await s.close();
      await done();
    }
  });

  it('a 100,000-character text is refused at once while /healthz keeps answering', async () => {
    const started = performance.now();
    const [res, health] = await Promise.all([
      fetch(`${server.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity('ă'.repeat(100_000))) }),
      fetch(`${server.base}/healthz`),
    ]);
    expect(res.status).toBe(400);
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
