import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { testApp } from './helpers.js';
import { startWithConnector } from './peers.js';

const TOKEN = 'office-token-abcdef';
let app: App;
let cleanup: () => Promise<void>;
let peers: Awaited<ReturnType<typeof startWithConnector>>;
let base: string;
let delivered: Array<{ path: string; text?: string }>;
let say: (text: string) => Promise<string>;

beforeAll(async () => {
  ({ app, cleanup } = await testApp({ OFFICE_API_TOKEN: TOKEN }));
  peers = await startWithConnector(app, 'office-1');
  ({ base, delivered, say } = peers);
});
afterAll(async () => {
  await peers.close();
  await cleanup();
});

const answer = (code: string, body: unknown, token: string | null = TOKEN, at = base) =>
  fetch(`${at}/api/complaints/${code}/response`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

/** Sends one feedback in the conversation; its tracking code. */
async function sendFeedback(chat: (text: string) => Promise<string>): Promise<string> {
  for (const t of ['tôi muốn phản ánh', 'Hồ sơ đăng ký khai sinh của tôi đã trễ hẹn một tuần mà không có ai gọi báo lý do.', 'không', 'có',
    'Nguyễn Văn An', 'Số 12 ngõ 5, phường Mẫu, tỉnh Thử', '0912345678', 'không']) await chat(t);
  return /PAKN-\d{6}-\d{4}/.exec(await chat('gửi'))![0];
}

describe('the office answers feedback', () => {
  let code: string;
  beforeAll(async () => {
    code = await sendFeedback(say);
  });

  it.each([
    ['no token', null],
    ['a wrong token', 'office-token-zzzzzz'],
  ])('refuses %s with 401', async (_label, token) => {
    expect((await answer(code, { status: 'answered', answer: 'x' }, token)).status).toBe(401);
  });

  it.each([
    [{ status: 'answered' }],
    [{ status: 'lost', answer: 'x' }],
    [[]],
  ])('refuses a malformed body %j with 400', async (body) => {
    expect((await answer(code, body)).status).toBe(400);
  });

  it('answers 404 for an unknown code', async () => {
    expect((await answer('PAKN-261124-9999', { status: 'in-progress' })).status).toBe(404);
  });

  it('stores the answer and sends it into the conversation the feedback came from', async () => {
    const res = await answer(code, { status: 'answered', answer: 'UBND phường đã kiểm tra; hồ sơ được trả kết quả ngày 25/11 kèm thư xin lỗi.' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code, status: 'answered', notified: true });
    const message = delivered.find((d) => d.text?.includes(code));
    expect(message?.path).toMatch(/^\/v3\/conversations\/office-1\/activities/);
    expect(message?.text).toContain('Đã có trả lời');
    expect(message?.text).toContain('kèm thư xin lỗi');
    expect(app.complaintStore.get(code)).toMatchObject({ status: 'answered', answer: expect.stringContaining('thư xin lỗi') });
  });
});

describe("an answer the citizen's channel does not take", () => {
  it('is reported as not delivered, kept, and delivered by the outbox once the channel answers', async () => {
    let now = new Date('2026-11-24T09:00:00+07:00');
    const { app: office, cleanup: done } = await testApp({ OFFICE_API_TOKEN: TOKEN, CONNECTOR_TIMEOUT_MS: '500' }, { clock: () => now });
    const chat = await startWithConnector(office, 'office-2');
    try {
      const code = await sendFeedback(chat.say);
      chat.setConnectorDown(true);
      const res = await answer(code, { status: 'answered', answer: 'Hồ sơ đã có kết quả, mời ông/bà nhận tại bộ phận một cửa.' }, TOKEN, chat.base);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ code, status: 'answered', notified: false });
      expect(office.complaintStore.get(code)).toMatchObject({ status: 'answered', answer: expect.stringContaining('mời ông/bà nhận') });
      expect(office.complaintStore.job(`${code}:citizen`)).toMatchObject({ state: 'pending', attempts: 1 });
      expect(chat.delivered.some((d) => d.text?.includes('Đã có trả lời'))).toBe(false);
      expect(office.health().outbox.pending).toBe(1);

      chat.setConnectorDown(false);
      now = new Date(now.getTime() + 3_600_000);
      await office.outbox.runOnce();
      expect(office.complaintStore.job(`${code}:citizen`)).toMatchObject({ state: 'done' });
      const delivered = chat.delivered.filter((d) => d.text?.includes('Đã có trả lời'));
      expect(delivered).toHaveLength(1);
      expect(delivered[0]!.text).toContain('mời ông/bà nhận');
    } finally {
      await chat.close();
      await done();
    }
  });
});
