import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serverDeps, type App } from '../src/app.js';
import { zaloMac } from '../src/channels/zalo/signature.js';
import { ZALO_TEXT_LIMIT } from '../src/channels/zalo/zaloAdapter.js';
import { createServer } from '../src/server.js';
import { FIXED_NOW, testApp } from './helpers.js';
import { FakeOa, sendZaloEvent, waitFor, zaloEnv, ZALO_APP_ID, ZALO_OA_KEY } from './zaloPeers.js';

const APP_ID = ZALO_APP_ID;

const oa = new FakeOa();
let app: App;
let cleanup: () => Promise<void>;
let server: Server;
let base: string;
let counter = 0;

beforeAll(async () => {
  await oa.start();
  ({ app, cleanup } = await testApp(zaloEnv(oa.base)));
  app.zaloInbox!.start();
  server = createServer(serverDeps(app));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await oa.stop();
  await cleanup();
});
beforeEach(() => {
  oa.sent.length = 0;
});

function event(user: string, text: string, opts: { msgId?: string; key?: string; timestamp?: number; signature?: string | null } = {}) {
  return sendZaloEvent(base, user, text, { ...opts, msgId: opts.msgId ?? `msg-${++counter}`, timestamp: opts.timestamp ?? FIXED_NOW.getTime() });
}

async function replies(user: string, atLeast = 1): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const texts = oa.textsTo(user);
    if (texts.length >= atLeast) {
      await new Promise((r) => setTimeout(r, 100));
      return oa.textsTo(user);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return oa.textsTo(user);
}

describe('the Zalo OA webhook', () => {
  it('answers a signed text message through the OA API with the access token', async () => {
    const res = await event('user-1', 'đăng ký tạm trú cần giấy tờ gì');
    expect(res.status).toBe(200);
    const texts = await replies('user-1');
    expect(texts.join('\n')).toContain('Giấy tờ cần chuẩn bị — Đăng ký tạm trú');
    expect(oa.sent.every((s) => s.token === oa.validToken)).toBe(true);
    expect(texts.join('\n')).not.toMatch(/\*\*/); // plain text, no markdown
  });

  it.each([
    ['unsigned', { signature: null }],
    ['signed with another key', { key: 'not-the-key' }],
    ['stale', { timestamp: FIXED_NOW.getTime() - 10 * 60_000 }],
  ])('rejects an %s event with 401 and sends nothing', async (_label, opts) => {
    const user = `user-2-${_label}`;
    const res = await event(user, 'xin chào', opts);
    expect(res.status).toBe(401);
    // One user's events run in order: once a later valid event is answered, a processed forgery would show.
    await event(user, 'chào');
    await waitFor(() => (oa.textsTo(user).length > 0 ? true : undefined), 10_000, 'the valid event answered');
    expect(oa.textsTo(user)).toEqual(['Xin chào! Anh/chị cần hỏi về thủ tục hành chính nào ạ?']);
  });

  it('answers a redelivered event once', async () => {
    expect((await event('user-3', 'chào', { msgId: 'same-msg' })).status).toBe(200);
    expect((await event('user-3', 'chào', { msgId: 'same-msg' })).status).toBe(200);
    await event('user-3', 'đăng ký tạm trú cần giấy tờ gì');
    await waitFor(() => (oa.textsTo('user-3').some((t) => t.includes('Đăng ký tạm trú')) ? true : undefined), 10_000, 'the later event answered');
    expect(oa.textsTo('user-3').filter((t) => t === 'Xin chào! Anh/chị cần hỏi về thủ tục hành chính nào ạ?')).toHaveLength(1);
    expect(oa.textsTo('user-3')[0]).toBe('Xin chào! Anh/chị cần hỏi về thủ tục hành chính nào ạ?');
  });

  it('splits long answers under the length limit, in order', async () => {
    await event('user-4', 'thành lập công ty cổ phần cần giấy tờ gì');
    const texts = await replies('user-4', 2);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(texts[0]).toMatch(/^Giấy tờ cần chuẩn bị — /);
  });

  it('offers numbered choices and understands a number', async () => {
    await event('user-5', 'bằng lái xe');
    const choice = (await replies('user-5')).join('\n');
    expect(choice).toMatch(/\n1\. .+\n2\. .+/);
    oa.sent.length = 0;
    await event('user-5', '1');
    expect((await replies('user-5')).join('\n')).toMatch(/\(mã 3\.\d{6}\)/);
  });

  it('refreshes an expired access token once, stores the new pair, and retries', async () => {
    oa.validToken = 'access-rotated-by-zalo';
    await event('user-6', 'chào');
    const texts = await replies('user-6');
    expect(texts).toEqual(['Xin chào! Anh/chị cần hỏi về thủ tục hành chính nào ạ?']);
    expect(oa.refreshes.at(-1)).toEqual({ refresh: 'refresh-1', secret: 'app-secret' });
    const { readFile } = await import('node:fs/promises');
    const stored = JSON.parse(await readFile(`${app.config.DATA_DIR}/zalo-tokens.json`, 'utf8')) as { refreshToken: string };
    expect(stored.refreshToken).toBe(`refresh-${oa.refreshes.length + 1}`);
  });

  it('sends proactive messages to a Zalo conversation through the same API', async () => {
    await app.sendProactive({ channelId: 'zalo', serviceUrl: 'local://zalo', conversation: { id: 'zalo:user-7' }, user: { id: 'user-7' }, bot: { id: 'oa-1' } }, 'Hồ sơ của bạn đã có kết quả.');
    expect(oa.textsTo('user-7')).toEqual(['Hồ sơ của bạn đã có kết quả.']);
  });

  it('ignores events it does not handle', async () => {
    const body = JSON.stringify({ app_id: APP_ID, event_name: 'user_send_sticker', timestamp: String(FIXED_NOW.getTime()), sender: { id: 'user-8' }, recipient: { id: 'oa-1' }, message: { msg_id: 'st-1' } });
    const mac = `mac=${zaloMac(APP_ID, body, String(FIXED_NOW.getTime()), ZALO_OA_KEY)}`;
    const res = await fetch(`${base}/api/zalo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': mac }, body });
    expect(res.status).toBe(200);
    await event('user-8', 'chào');
    await waitFor(() => (oa.textsTo('user-8').length > 0 ? true : undefined), 10_000, 'the text event answered');
    expect(oa.textsTo('user-8')).toEqual(['Xin chào! Anh/chị cần hỏi về thủ tục hành chính nào ạ?']);
  });
});
