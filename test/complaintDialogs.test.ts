import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { checkAddress, checkContent, checkEmail, checkName, checkPhone } from '../src/complaints/fields.js';
import { testApp } from './helpers.js';
import { conversation } from './transcripts.js';

const CONTENT = 'Cán bộ một cửa phường yêu cầu tôi nộp thêm giấy xác nhận tạm trú, trong khi thủ tục không quy định giấy tờ này.';

let app: App;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ app, cleanup } = await testApp()));
afterEach(() => cleanup());

/** Walks the flow up to the consent question (no related procedure named). */
async function atConsent(chat: ReturnType<typeof conversation>) {
  await chat.say('tôi muốn phản ánh');
  await chat.say(CONTENT);
  return chat.say('không');
}

/** Walks the flow up to the read-back. */
async function fillIn(chat: ReturnType<typeof conversation>, opts: { opener?: string } = {}) {
  await chat.say(opts.opener ?? 'tôi muốn phản ánh');
  await chat.say(CONTENT);
  await chat.say('Đăng ký khai sinh');
  await chat.say('có');
  await chat.say('nguyễn văn an');
  await chat.say('Số 12 ngõ 5, phường Mẫu, tỉnh Thử');
  await chat.say('0912.345.678');
  return chat.say('không');
}

describe('field validation', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['024 3825 3536', '02438253536'],
  ])('accepts the phone number %s', (input, value) => {
    expect(checkPhone(input)).toEqual({ ok: true, value });
  });
  it.each(['0123 456', '09123456789', 'abc', '1912345678', '+1 202 555 0100'])('rejects the phone number %s', (input) => {
    expect(checkPhone(input).ok).toBe(false);
  });
  it('checks the other fields', () => {
    expect(checkContent('quá chậm').ok).toBe(false);
    expect(checkContent('').ok).toBe(false);
    expect(checkContent('x '.repeat(3000)).ok).toBe(false);
    expect(checkContent(CONTENT).ok).toBe(true);
    expect(checkName('An').ok).toBe(false);
    expect(checkName('Nguyễn Văn 4n').ok).toBe(false);
    expect(checkName('nguyễn văn an')).toEqual({ ok: true, value: 'Nguyễn Văn An' });
    expect(checkAddress('Hà Nội').ok).toBe(false);
    expect(checkEmail('không')).toEqual({ ok: true, value: '' });
    expect(checkEmail('an@@x').ok).toBe(false);
    expect(checkEmail('An@Example.vn')).toEqual({ ok: true, value: 'an@example.vn' });
  });
});

describe('sending feedback', () => {
  it('happy path: explains, asks consent, collects, reads back, records durably with a tracking code', async () => {
    const chat = conversation(app);
    expect((await chat.say('cán bộ làm khó, đòi giấy tờ không có trong quy định')).text).toMatch(/mô tả nội dung phản ánh/);
    expect((await chat.say(CONTENT)).text).toMatch(/liên quan đến thủ tục hoặc hồ sơ nào/);
    const consent = await chat.say('đăng ký khai sinh');
    expect(consent.text).toMatch(/Phòng Kiểm soát thủ tục hành chính/);
    expect(consent.text).toMatch(/đồng ý cung cấp không/);
    expect((await chat.say('đồng ý')).text).toMatch(/Họ và tên/);
    expect((await chat.say('nguyễn văn an')).text).toMatch(/Địa chỉ/);
    expect((await chat.say('Số 12 ngõ 5, phường Mẫu, tỉnh Thử')).text).toMatch(/Số điện thoại/);
    expect((await chat.say('0912 345 678')).text).toMatch(/Email/);
    const review = await chat.say('an@example.vn');
    expect(review.text).toContain('Họ tên: Nguyễn Văn An');
    expect(review.text).toContain('Số điện thoại: 0912345678');
    expect(review.text).toContain('Liên quan: đăng ký khai sinh');
    expect(review.buttons.map((b) => b.title)).toEqual(['Gửi phản ánh']);

    const done = await chat.say('Gửi phản ánh');
    const code = /PAKN-261124-\d{4}/.exec(done.text)?.[0];
    expect(code).toBe('PAKN-261124-0001');
    expect(done.text).toMatch(/kiểm tra phản ánh PAKN-261124-0001/);
    // Durable: a fresh store reading the file finds it.
    const { ComplaintStore } = await import('../src/complaints/store.js');
    const onDisk = (await ComplaintStore.open(app.config.DATA_DIR)).get(code!);
    expect(onDisk).toMatchObject({ name: 'Nguyễn Văn An', phone: '0912345678', email: 'an@example.vn', content: CONTENT, status: 'received', channel: 'test' });
  });

  it.each([
    ['content', 1, 'ngắn', /Nội dung hơi ngắn/],
    ['name', 4, 'An', /đầy đủ họ và tên/],
    ['address', 5, 'HN', /Địa chỉ chưa đủ rõ/],
    ['phone', 6, '12345', /Số điện thoại/],
    ['email', 7, 'an@', /Địa chỉ email chưa đúng/],
  ])('refuses an invalid %s with a clear message and asks again', async (_field, at, bad, message) => {
    const chat = conversation(app);
    const answers = ['tôi muốn phản ánh', CONTENT, 'không', 'có', 'Nguyễn Văn An', 'Số 12 ngõ 5, phường Mẫu, tỉnh Thử', '0912345678', 'không'];
    for (let i = 0; i < at; i++) await chat.say(answers[i]!);
    const refused = await chat.say(bad);
    expect(refused.text).toMatch(message);
    for (let i = at; i < answers.length; i++) await chat.say(answers[i]!);
    expect((await chat.say('gửi')).text).toMatch(/Mã theo dõi: PAKN-/);
  });

  it('collects nothing personal when consent is refused', async () => {
    const chat = conversation(app);
    await chat.say('tôi muốn góp ý');
    await chat.say(CONTENT);
    await chat.say('không');
    const refused = await chat.say('không');
    expect(refused.text).toMatch(/không thu thập thông tin cá nhân/);
    expect((await chat.say('Nguyễn Văn An')).text).not.toMatch(/Địa chỉ liên hệ/);
    expect(app.complaintStore.all()).toEqual([]);
  });

  it('corrects one field by name, then sends', async () => {
    const chat = conversation(app);
    await fillIn(chat);
    expect((await chat.say('sửa địa chỉ')).text).toMatch(/Địa chỉ liên hệ/);
    const review = await chat.say('Số 99 đường Mới, phường Mẫu, tỉnh Thử');
    expect(review.text).toContain('Địa chỉ: Số 99 đường Mới, phường Mẫu, tỉnh Thử');
    expect(review.text).toContain('Họ tên: Nguyễn Văn An');
    await chat.say('gửi');
    expect(app.complaintStore.all().map((c) => c.address)).toEqual(['Số 99 đường Mới, phường Mẫu, tỉnh Thử']);
  });

  it('asks again when the read-back reply is unclear', async () => {
    const chat = conversation(app);
    await fillIn(chat);
    expect((await chat.say('hmm')).text).toMatch(/chưa rõ ý anh\/chị/);
    expect((await chat.say('gửi')).text).toMatch(/Mã theo dõi/);
  });

  it('discards the draft when cancelled mid-way', async () => {
    const chat = conversation(app);
    await chat.say('tôi muốn phản ánh');
    await chat.say(CONTENT);
    await chat.say('không');
    await chat.say('có');
    await chat.say('Nguyễn Văn An');
    expect((await chat.say('hủy')).text).toBe('Đã hủy. Anh/chị có thể hỏi câu khác bất cứ lúc nào.');
    expect(app.complaintStore.all()).toEqual([]);
    expect((await chat.say('0912345678')).text).not.toMatch(/Email/);
  });

  it('takes "đúng rồi" (that\'s right) as a yes, not as "dừng" (stop), with or without diacritics', async () => {
    for (const yes of ['đúng rồi', 'dung roi']) {
      const chat = conversation(app, `yes-${yes}`);
      await atConsent(chat);
      const reply = await chat.say(yes);
      expect(reply.text, yes).toMatch(/Họ và tên/);
      expect(reply.text).not.toMatch(/Đã hủy/);
    }
    const chat = conversation(app, 'stop');
    await chat.say('tôi muốn phản ánh');
    expect((await chat.say('dừng lại')).text).toBe('Đã hủy. Anh/chị có thể hỏi câu khác bất cứ lúc nào.');
  });

  it('takes "thôi" at the consent question as a no to the personal data, not as a cancel of the feedback', async () => {
    const chat = conversation(app);
    await atConsent(chat);
    const reply = await chat.say('thôi');
    expect(reply.text).toMatch(/không thu thập thông tin cá nhân/);
    expect(reply.text).not.toMatch(/Đã hủy/);
    // "hủy" still leaves the flow at the same question.
    const other = conversation(app, 'cancel-at-consent');
    await atConsent(other);
    expect((await other.say('hủy')).text).toBe('Đã hủy. Anh/chị có thể hỏi câu khác bất cứ lúc nào.');
  });

  it('creates one record for a repeated confirmation', async () => {
    const chat = conversation(app);
    await fillIn(chat);
    const first = await chat.say('gửi');
    const second = await chat.say('gửi');
    expect(second.text).toMatch(/đã được ghi nhận trước đó với mã PAKN-261124-0001/);
    expect(first.text).toMatch(/PAKN-261124-0001/);
    expect(app.complaintStore.all()).toHaveLength(1);
  });

  it('pre-fills what the conversation was about', async () => {
    const chat = conversation(app);
    await chat.say('thủ tục đăng ký kết hôn');
    expect((await chat.say('tôi muốn phản ánh')).text).toMatch(/mô tả nội dung/);
    const consent = await chat.say(CONTENT);
    expect(consent.text).toMatch(/đồng ý cung cấp không/);
    await chat.say('có');
    await chat.say('Nguyễn Văn An');
    await chat.say('Số 12 ngõ 5, phường Mẫu, tỉnh Thử');
    await chat.say('0912345678');
    expect((await chat.say('không')).text).toContain('Liên quan: Đăng ký kết hôn (mã 1.000894)');
  });

  it('starts from the dossier answer, about that dossier', async () => {
    const chat = conversation(app);
    await chat.say('tra cứu hồ sơ X99.01-261116-0003');
    const status = await chat.say('6789');
    const button = status.buttons.find((b) => b.title === 'Phản ánh về hồ sơ này')!;
    expect((await chat.say(button.value)).text).toMatch(/mô tả nội dung phản ánh/);
    await chat.say(CONTENT);
    await chat.say('có');
    await chat.say('Nguyễn Văn An');
    await chat.say('Số 12 ngõ 5, phường Mẫu, tỉnh Thử');
    await chat.say('0912345678');
    expect((await chat.say('không')).text).toContain('Liên quan: Hồ sơ X99.01-261116-0003');
  });

  it('is offered under the honest no-answer', async () => {
    const chat = conversation(app);
    const unknown = await chat.say('giá vàng hôm nay bao nhiêu');
    const button = unknown.buttons.find((b) => b.title === 'Gửi phản ánh, kiến nghị')!;
    expect((await chat.say(button.value)).text).toMatch(/mô tả nội dung phản ánh/);
  });

  it.each([
    ['tôi muốn khiếu nại quyết định xử phạt của phường', /Luật Khiếu nại/],
    ['tôi muốn tố cáo cán bộ nhận hối lộ', /Luật Tố cáo/],
  ])('redirects a formal complaint: %s', async (opener, law) => {
    const chat = conversation(app);
    const turn = await chat.say(opener);
    expect(turn.text).toMatch(law);
    expect(turn.text).toMatch(/Anh\/chị có muốn gửi phản ánh không/);
    expect((await chat.say('không')).text).toMatch(/tôi muốn phản ánh/);
    const again = conversation(app);
    await again.say(opener);
    expect((await again.say('có')).text).toMatch(/mô tả nội dung phản ánh/);
  });

  it('limits submissions to three per phone number a day', async () => {
    for (let i = 0; i < 3; i++) {
      const chat = conversation(app);
      await fillIn(chat);
      expect((await chat.say('gửi')).text).toMatch(/Mã theo dõi/);
    }
    const chat = conversation(app);
    await fillIn(chat);
    expect((await chat.say('gửi')).text).toMatch(/đã gửi 3 phản ánh trong hôm nay/);
  });

  it('answers a status check after the last-four-digits check', async () => {
    const chat = conversation(app);
    await fillIn(chat);
    await chat.say('gửi');
    const check = conversation(app);
    expect((await check.say('kiểm tra phản ánh pakn 261124 0001')).text).toMatch(/4 số cuối/);
    expect((await check.say('1111')).text).toMatch(/không tìm thấy phản ánh/);
    await check.say('kiểm tra phản ánh PAKN-261124-0001');
    expect((await check.say('5678')).text).toMatch(/PAKN-261124-0001 \(gửi lúc .*\): Đã tiếp nhận/);
  });
});
