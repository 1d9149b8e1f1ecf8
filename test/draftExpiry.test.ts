/**
 * An abandoned feedback draft loses its personal data after
 * FEEDBACK_DRAFT_TTL_MINUTES idle, and the citizen who comes back is told why;
 * a draft still being worked on, or a conversation without one, is left alone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { FIXED_NOW, testApp } from './helpers.js';
import { conversation } from './transcripts.js';

let now = FIXED_NOW;
let app: App;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  now = FIXED_NOW;
  ({ app, dir, cleanup } = await testApp({ FEEDBACK_DRAFT_TTL_MINUTES: '20' }, { clock: () => now }));
});
afterEach(() => cleanup());

const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
const storedState = () => readFile(path.join(dir, 'conversations.json'), 'utf8');

async function startDraft(chat: ReturnType<typeof conversation>) {
  await chat.say('tôi muốn phản ánh');
  await chat.say('Cán bộ một cửa yêu cầu nộp thêm giấy xác nhận tạm trú, trong khi thủ tục không quy định giấy tờ này.');
  await chat.say('không');
  await chat.say('có');
  await chat.say('nguyễn văn an');
  return chat.say('Số 12 ngõ 5, phường Mẫu, tỉnh Thử');
}

describe('abandoned feedback drafts', () => {
  it('are dropped with name and address once idle past the limit, and the next message says so', async () => {
    const chat = conversation(app);
    expect((await startDraft(chat)).text).toMatch(/Số điện thoại/);
    expect(await storedState()).toContain('Nguyễn Văn An');

    later(19);
    expect(await app.draftExpiry.sweep()).toBe(0); // not yet
    later(2);
    expect(await app.draftExpiry.sweep()).toBe(1);
    const state = await storedState();
    expect(state).not.toContain('Nguyễn Văn An');
    expect(state).not.toContain('ngõ 5');

    // The phone number typed now is not taken as part of a draft that no longer exists; the citizen learns why.
    const back = await chat.say('đăng ký khai sinh');
    expect(back.text).toMatch(/soạn dở lần trước chưa được gửi và đã được xoá/);
    expect(back.text).toContain('Đăng ký khai sinh');
    expect((await chat.say('đăng ký tạm trú')).text).not.toMatch(/soạn dở/); // told once
  });

  it('leave a draft the citizen is still working on, and conversations without one', async () => {
    const drafting = conversation(app);
    const browsing = conversation(app, 'other');
    await startDraft(drafting);
    await browsing.say('đăng ký khai sinh');
    later(15);
    expect((await drafting.say('0912 345 678')).text).toMatch(/Email/); // a turn 15 min later resets the clock
    later(15);
    expect(await app.draftExpiry.sweep()).toBe(0);
    expect(await storedState()).toContain('Nguyễn Văn An');
    later(60);
    expect(await app.draftExpiry.sweep()).toBe(1); // only the draft; the browsing conversation keeps its state
    expect((await browsing.say('còn lệ phí thì sao?')).text).toContain('Lệ phí — Đăng ký khai sinh');
  });

  it('never overwrite a turn that wrote after the sweep read the state', async () => {
    const chat = conversation(app);
    await startDraft(chat);
    later(30);
    const [seen] = app.storage.idle(20 * 60_000);
    await chat.say('0912 345 678'); // the citizen answers between the sweep's read and its write
    expect(await app.storage.replaceIfUnchanged(seen!.key, seen!.eTag, {})).toBe(false);
    expect(await storedState()).toContain('0912345678');
  });
});
