import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { testApp } from './helpers.js';
import { conversation } from './transcripts.js';

describe('end-to-end chats over the bundled knowledge', () => {
  let app: App;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ app, cleanup } = await testApp()));
  afterAll(() => cleanup());

  it.each([
    ['mất bằng lái xe thì làm lại thế nào', 'Cấp lại giấy phép lái xe', /Các bước thực hiện — /],
    ['muốn tách hộ khẩu', 'Tách hộ', /\(mã 1\.010038\)/],
    ['xin giấy phép xây nhà', 'giấy phép xây dựng', /\(mã 1\.013225\)/],
    ['làm lại căn cước bị mất mất bao lâu', 'Làm lại thẻ căn cước', /Thời gian giải quyết — /],
    ['dang ky tam tru online duoc khong', 'Đăng ký tạm trú', /Nộp trực tuyến — /],
    ['lệ phí sang tên xe máy', 'sang tên', /Lệ phí — /],
    ['hưởng bảo hiểm xã hội một lần cần giấy tờ gì', 'bảo hiểm xã hội một lần', /Giấy tờ cần chuẩn bị — /],
  ])('%s', async (question, name, shape) => {
    const turn = await conversation(app).say(question);
    expect(turn.text).toContain(name);
    expect(turn.text).toMatch(shape);
    expect(turn.text).not.toMatch(/Lưu ý: thông tin này được kiểm tra lần cuối/);
  });
});

describe('an entry not verified for too long', () => {
  let app: App;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ app, cleanup } = await testApp({ STALE_AFTER_DAYS: '180' }, { clock: () => new Date('2027-09-01T08:00:00+07:00') })));
  afterAll(() => cleanup());

  it('is still answered, with a line asking to confirm at the one-stop desk', async () => {
    const turn = await conversation(app).say('thủ tục đăng ký kết hôn');
    expect(turn.text).toContain('Đăng ký kết hôn (mã 1.000894)');
    expect(turn.text).toMatch(/Lưu ý: thông tin này được kiểm tra lần cuối ngày \d{2}\/\d{2}\/2026/);
    expect(turn.text).toMatch(/xác nhận lại tại bộ phận một cửa/);
  });

  it('says so under an aspect answer too', async () => {
    const turn = await conversation(app).say('đăng ký kết hôn cần giấy tờ gì');
    expect(turn.text).toMatch(/Giấy tờ cần chuẩn bị — Đăng ký kết hôn[\s\S]*Lưu ý: thông tin này/);
  });
});
