import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { DEMO_CODES, DEMO_PHONE_LAST4 } from '../src/dossiers/demo.js';
import { SubscriptionStore } from '../src/dossiers/subscriptions.js';
import { signEvent } from '../src/dossiers/signedEvents.js';
import { FIXED_NOW, testApp } from './helpers.js';
import { startWithConnector } from './peers.js';

const SECRET = 'shared-secret-for-tests';
let app: App;
let dir: string;
let cleanup: () => Promise<void>;
let peers: Awaited<ReturnType<typeof startWithConnector>>;
let base: string;
let delivered: Array<{ path: string; text?: string }>;
let say: (text: string) => Promise<string>;

beforeAll(async () => {
  ({ app, dir, cleanup } = await testApp({ DOSSIER_EVENTS_SECRET: SECRET }));
  peers = await startWithConnector(app, 'proactive-1');
  ({ base, delivered, say } = peers);
});
afterAll(async () => {
  await peers.close();
  await cleanup();
});

function event(body: object, opts: { secret?: string; timestamp?: number; sign?: boolean } = {}) {
  const raw = JSON.stringify(body);
  const timestamp = opts.timestamp ?? Math.floor(FIXED_NOW.getTime() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.sign !== false) {
    headers['x-timestamp'] = String(timestamp);
    headers['x-signature'] = signEvent(opts.secret ?? SECRET, timestamp, raw);
  }
  return fetch(`${base}/api/dossiers/events`, { method: 'POST', headers, body: raw });
}

const change = { code: DEMO_CODES[0], status: 9, updatedAt: '2026-11-24T07:55:00+07:00' };

describe('dossier status events', () => {
  it.each([
    ['unsigned', { sign: false }],
    ['signed with another secret', { secret: 'not-the-secret' }],
    ['stale (replayed ten minutes later)', { timestamp: Math.floor(FIXED_NOW.getTime() / 1000) - 600 }],
  ])('rejects an %s event with 401', async (_label, opts) => {
    const res = await event(change, opts);
    expect(res.status).toBe(401);
  });

  it('rejects a signed but malformed event with 400', async () => {
    expect((await event({ code: DEMO_CODES[0], status: 42 })).status).toBe(400);
  });

  it('a subscription and a signed event lead to a proactive message in that conversation, once', async () => {
    await say(`tra cứu hồ sơ ${DEMO_CODES[0]}`);
    const status = await say(DEMO_PHONE_LAST4);
    expect(status).toContain('Trạng thái: Đang xử lý');
    const subscribed = await say('báo cho tôi khi có kết quả');
    expect(subscribed).toMatch(/Đã đăng ký/);

    const res = await event(change);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: true, notified: 1 });
    const message = delivered.find((d) => d.text?.includes('vừa được cập nhật'));
    expect(message?.path).toMatch(/^\/v3\/conversations\/proactive-1\/activities/);
    expect(message?.text).toMatch(/Trạng thái\W+Đã xử lý xong/);

    // A repeated event is not a change: nothing more is sent, and a final status ends the subscription.
    const again = await event(change);
    expect(await again.json()).toEqual({ accepted: true, notified: 0 });
    expect(app.subscriptions.forCode(DEMO_CODES[0])).toHaveLength(0);
  });
});

describe('subscriptions', () => {
  it('survive a restart', async () => {
    await app.subscriptions.add({ code: DEMO_CODES[1], conversationKey: 'x:1', reference: { conversation: { id: '1' } }, lastStatus: 5, createdAt: FIXED_NOW.toISOString() });
    const reopened = await SubscriptionStore.open(dir);
    expect(reopened.forCode(DEMO_CODES[1])).toEqual([expect.objectContaining({ conversationKey: 'x:1', lastStatus: 5 })]);
  });
});

describe('polling', () => {
  it('notices a change imported by another process and tells the subscriber once', async () => {
    const { DossierNotifier } = await import('../src/dossiers/notifier.js');
    const { EmbeddedDossierSource } = await import('../src/dossiers/embeddedSource.js');
    const sent: Array<{ reference: unknown; text: string }> = [];
    const notifier = new DossierNotifier(app.dossiers, app.subscriptions, async (reference, text) => void sent.push({ reference, text }), (v) => `${v.code}: ${v.statusLabel}`, app.logger);
    await app.subscriptions.add({ code: DEMO_CODES[2], conversationKey: 'zalo:42', reference: { conversation: { id: '42' } }, lastStatus: 4, createdAt: FIXED_NOW.toISOString() });

    await notifier.poll();
    expect(sent).toEqual([]);

    // `npm run dossiers -- import` runs as another process with its own copy of the store.
    const importer = await EmbeddedDossierSource.open(dir);
    const current = (await importer.find(DEMO_CODES[2]))!;
    await importer.import([{ ...current, status: 6, statusNote: 'Nộp lệ phí 135.000 đồng' }]);

    await notifier.poll();
    await notifier.poll();
    expect(sent).toEqual([{ reference: { conversation: { id: '42' } }, text: `${DEMO_CODES[2]}: Yêu cầu thực hiện nghĩa vụ tài chính` }]);
  });
});
