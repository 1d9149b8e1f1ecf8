/**
 * One conversation's state stays whole: concurrent turns never lose an
 * update, a stale write is refused even though botbuilder saves with "*",
 * and an anonymous /api/messages request cannot reach another channel's
 * conversation by claiming its ids.
 */
import type { Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { LOCAL_DIRECT_LINE_SERVICE_URL } from '../src/channels/directline/directLineAdapter.js';
import { ETagConflictError } from '../src/storage/lowdbStorage.js';
import { testApp, visibleText } from './helpers.js';
import { startServer } from './peers.js';
import { TurnContext } from 'botbuilder';

let app: App;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ app, cleanup } = await testApp()));
afterEach(() => cleanup());

/** A message into a conversation of the in-process web chat adapter; replies land in the hub. */
function say(conversationId: string, text: string, channelId = 'webchat'): Promise<void> {
  if (!app.hub.has(conversationId)) app.hub.create(conversationId, 'user-1');
  const activity: Partial<Activity> = {
    type: 'message', text, id: `${conversationId}-${Math.random()}`, channelId, serviceUrl: LOCAL_DIRECT_LINE_SERVICE_URL,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'Bạn' }, recipient: { id: 'bot', name: 'Bot' },
  };
  return app.directLineAdapter.processActivity(activity, (context) => app.bot.run(context));
}

const botTexts = (conversationId: string) =>
  app.hub.since(conversationId, undefined).activities.filter((a) => a.from?.id !== 'user-1').map((a) => visibleText(a)).join('\n');

describe('concurrent turns of one conversation', () => {
  it('run one after another, so the follow-up sees what the first turn learnt', async () => {
    // Both start before either has saved state; last-writer-wins would lose the topic for the second.
    await Promise.all([say('dl-race-1', 'đăng ký tạm trú'), say('dl-race-1', 'còn lệ phí thì sao?')]);
    expect(botTexts('dl-race-1')).toContain('Lệ phí — Đăng ký tạm trú');
  });

  it('in different conversations still run side by side', async () => {
    await Promise.all([say('dl-a', 'đăng ký tạm trú'), say('dl-b', 'làm giấy khai sinh cần giấy tờ gì')]);
    expect(botTexts('dl-a')).toContain('tạm trú');
    expect(botTexts('dl-b')).toContain('khai sinh');
  });
});

describe('optimistic concurrency of conversation state', () => {
  it('refuses the save of a turn that read state another turn has since changed', async () => {
    const context = () => new TurnContext(app.directLineAdapter, {
      type: 'message', channelId: 'webchat', conversation: { id: 'etag-1', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'u', name: '' }, recipient: { id: 'b', name: '' }, serviceUrl: LOCAL_DIRECT_LINE_SERVICE_URL,
    });
    const property = app.conversationState.createProperty<{ n: number }>('probe');
    const seed = context();
    await property.set(seed, { n: 0 });
    await app.conversationState.saveChanges(seed);

    const [first, second] = [context(), context()];
    await property.get(first, { n: 0 });
    await property.get(second, { n: 0 });
    await property.set(first, { n: 1 });
    await app.conversationState.saveChanges(first);
    await property.set(second, { n: 2 });
    await expect(app.conversationState.saveChanges(second)).rejects.toBeInstanceOf(ETagConflictError);

    const check = context();
    expect(await property.get(check)).toEqual({ n: 1 });
    // The winner can save again in the same turn: its own write is not stale to itself.
    await property.set(first, { n: 3 });
    await app.conversationState.saveChanges(first);
  });
});

describe('anonymous /api/messages', () => {
  const draftName = 'Nguyễn Văn Bí Mật';

  it.each(['zalo', 'webchat'])('cannot read or change a %s conversation by claiming its ids', async (channelId) => {
    const victim = channelId === 'zalo' ? 'zalo:user-7' : 'dl-victim';
    // The victim is halfway through a feedback: consent given, name typed.
    for (const text of ['tôi muốn phản ánh', 'Cán bộ một cửa yêu cầu nộp thêm giấy tờ không có trong quy định của thủ tục.', 'Đăng ký khai sinh', 'có', draftName]) {
      await say(victim, text, channelId);
    }
    const server = await startServer(app);
    try {
      const res = await fetch(`${server.base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message', deliveryMode: 'expectReplies', text: 'sửa', channelId, serviceUrl: 'http://127.0.0.1:9',
          from: { id: channelId === 'zalo' ? 'user-7' : 'user-1' }, recipient: { id: 'bot' }, conversation: { id: victim },
        }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { activities: Array<Partial<Activity>> };
      const seen = body.activities.map((a) => visibleText(a)).join('\n');
      expect(seen).not.toContain(draftName);
      expect(seen).not.toMatch(/địa chỉ/i);
    } finally {
      await server.close();
    }
    // The victim's own flow is untouched: the next answer (the address) is taken where it left off.
    await say(victim, 'Số 12 ngõ 5, phường Mẫu, tỉnh Thử', channelId);
    expect(botTexts(victim)).toMatch(/số điện thoại/i);
  });
});
