import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { serverDeps } from '../src/app.js';
import { createServer } from '../src/server.js';
import { testApp, visibleText } from './helpers.js';

let app: App;
let server: Server;
let base: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, cleanup } = await testApp({ BODY_LIMIT_BYTES: '16384' }));
  server = createServer(serverDeps(app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await cleanup();
});

function activity(text: string, conversation = 'http-1') {
  return {
    type: 'message',
    deliveryMode: 'expectReplies',
    id: `a-${Math.random()}`,
    text,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: 'citizen-1', name: 'Citizen' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: conversation },
  };
}

async function post(body: unknown, contentType = 'application/json') {
  return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('POST /api/messages', () => {
  it('answers with the replies when deliveryMode is expectReplies', async () => {
    const res = await post(activity('làm giấy khai sinh cần giấy tờ gì'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Array<{ type: string }> };
    const messages = body.activities.filter((a) => a.type === 'message');
    expect(messages.map(visibleText).join('\n')).toContain('Giấy tờ cần chuẩn bị — Đăng ký khai sinh');
  });

  it('keeps the conversation between requests (a follow-up)', async () => {
    await post(activity('đăng ký tạm trú', 'http-2'));
    const res = await post(activity('còn lệ phí thì sao?', 'http-2'));
    const body = (await res.json()) as { activities: Array<{ type: string; text?: string }> };
    expect(body.activities.map((a) => a.text ?? '').join('\n')).toContain('Lệ phí — Đăng ký tạm trú');
  });

  it.each([
    ['malformed JSON', '{"type": "message",', 'application/json'],
    ['an array', '[]', 'application/json'],
    ['no type', JSON.stringify({ text: 'xin chào' }), 'application/json'],
    ['not JSON at all', 'xin chào', 'text/plain', 415],
    ['a number as serviceUrl', JSON.stringify({ ...activity('xin chào'), serviceUrl: 5 }), 'application/json'],
    ['no channelId', JSON.stringify({ ...activity('xin chào'), channelId: undefined }), 'application/json'],
    ['no conversation id', JSON.stringify({ ...activity('xin chào'), conversation: {} }), 'application/json'],
    ['a text longer than any channel takes', JSON.stringify(activity('ă'.repeat(4_001))), 'application/json'],
    ['a value nested 5,000 levels deep', JSON.stringify(activity('x')).replace('}', `,"value":${'['.repeat(5_000)}${']'.repeat(5_000)}}`), 'application/json'],
    ['a serviceUrl off this machine (anonymous)', JSON.stringify({ ...activity('xin chào'), serviceUrl: 'https://example.org/' }), 'application/json'],
    ['a local:// serviceUrl', JSON.stringify({ ...activity('xin chào'), serviceUrl: 'local://zalo' }), 'application/json'],
    ['an invoke the bot does not take (the SDK would answer 501)', JSON.stringify({ ...activity(''), deliveryMode: undefined, type: 'invoke', name: 'adaptiveCard/action' }), 'application/json'],
  ])('rejects %s with 400', async (_label, body, type, status = 400) => {
    const res = await post(body, type);
    expect(res.status).toBe(status);
    expect(await res.text()).not.toMatch(/at .+\.ts:\d+/);
  });

  it('rejects an oversized body with 413', async () => {
    const res = await post({ ...activity('x'), channelData: { padding: 'x'.repeat(300_000) } });
    expect(res.status).toBe(413);
  });

  it('still serves after bad requests', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', procedures: app.catalogue.size, outbox: { pending: 0, dead: 0 } });
  });
});

describe('Bot Framework authentication', () => {
  it('accepts only authenticated requests when an app id is configured', async () => {
    const { app: secured, cleanup: done } = await testApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
    const s = createServer(serverDeps(secured));
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/api/messages`;
    const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity('xin chào', 'auth-1')) });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Bearer not.a.jwt' })).status).toBe(401);
    await new Promise<void>((r) => s.close(() => r()));
    await done();
  });
});
