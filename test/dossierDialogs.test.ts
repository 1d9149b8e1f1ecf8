import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { DEMO_CODES, DEMO_PHONE_LAST4 } from '../src/dossiers/demo.js';
import type { DossierStatus } from '../src/dossiers/schema.js';
import { createMessages, DOSSIER_STATUS_LABELS } from '../src/messages.js';
import type { DossierView } from '../src/dossiers/view.js';
import { nextStep } from '../src/render/dossierText.js';
import { testApp } from './helpers.js';
import { conversation } from './transcripts.js';

const messages = createMessages({ locality: 'Trung tâm thử', hotline: '1900 1234' });
let app: App;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ app, cleanup } = await testApp()));
afterEach(() => cleanup());

describe('dossier status in a conversation', () => {
  it('no code → asked where to find it → code → last four digits → status', async () => {
    const chat = conversation(app);
    const asked = await chat.say('hồ sơ của tôi xong chưa');
    expect(asked.text).toMatch(/mã hồ sơ/);
    expect(asked.text).toMatch(/Phiếu tiếp nhận và hẹn trả kết quả/);
    const digits = await chat.say(DEMO_CODES[0].toLowerCase().replace(/-/g, ' '));
    expect(digits.text).toMatch(/4 số cuối của số điện thoại/);
    const status = await chat.say(DEMO_PHONE_LAST4);
    expect(status.text).toContain(`Hồ sơ ${DEMO_CODES[0]}`);
    expect(status.text).toContain('Thủ tục: Đăng ký khai sinh');
    expect(status.text).toContain('Người nộp: Nguyễn V** M**');
    expect(status.text).not.toContain('Nguyễn Văn Mẫu');
    expect(status.text).toContain('Ngày tiếp nhận: 16/11/2026');
    expect(status.text).toContain('Ngày hẹn trả kết quả: 26/11/2026');
    expect(status.text).toContain('Trạng thái: Đang xử lý');
    expect(status.buttons.map((b) => b.title)).toEqual(['Báo cho tôi khi có kết quả', 'Phản ánh về hồ sơ này']);
  });

  it('takes the code from the question itself', async () => {
    const chat = conversation(app);
    const turn = await chat.say(`cho em hỏi hồ sơ ${DEMO_CODES[1]} đến đâu rồi ạ`);
    expect(turn.text).toMatch(/4 số cuối/);
    const status = await chat.say('6 7 8 9');
    expect(status.text).toContain('Trạng thái: Yêu cầu bổ sung giấy tờ');
    expect(status.text).toContain('Hợp đồng thuê nhà có chữ ký của chủ nhà');
  });

  it('explains precisely what is wrong with a malformed code, then accepts a good one', async () => {
    const chat = conversation(app);
    const bad = await chat.say('tra cứu hồ sơ X99.01-261320-0001');
    expect(bad.text).toMatch(/Mã hồ sơ chưa đúng: phần ngày tiếp nhận "261320" không phải ngày hợp lệ/);
    const shortSeq = await chat.say('X99.01-261116-001');
    expect(shortSeq.text).toMatch(/số thứ tự "001" phải có đúng 4 chữ số/);
    const ok = await chat.say('X99.01-261116-0001');
    expect(ok.text).toMatch(/4 số cuối/);
  });

  it('gives the same reply for wrong digits and for an unknown code', async () => {
    const wrong = conversation(app);
    await wrong.say(`tra cứu hồ sơ ${DEMO_CODES[0]}`);
    const a = await wrong.say('1234');
    const unknown = conversation(app);
    await unknown.say('tra cứu hồ sơ X99.01-261116-0099');
    const b = await unknown.say(DEMO_PHONE_LAST4);
    expect(a.text).toMatch(/không tìm thấy hồ sơ khớp/);
    expect(b.text).toBe(a.text);
  });

  it('asks again for four digits when the answer is not four digits', async () => {
    const chat = conversation(app);
    await chat.say(`tra cứu hồ sơ ${DEMO_CODES[0]}`);
    expect((await chat.say('số của em là 09')).text).toMatch(/đúng 4 chữ số cuối/);
    expect((await chat.say(DEMO_PHONE_LAST4)).text).toContain('Trạng thái: Đang xử lý');
  });

  it('locks a code after three wrong answers, even for the right answer afterwards', async () => {
    for (const guess of ['0000', '1111', '2222']) {
      const chat = conversation(app);
      await chat.say(`tra cứu hồ sơ ${DEMO_CODES[0]}`);
      await chat.say(guess);
    }
    const chat = conversation(app);
    const turn = await chat.say(`tra cứu hồ sơ ${DEMO_CODES[0]}`);
    expect(turn.text).toMatch(/tạm thời bị khóa tra cứu/);
    expect(turn.text).toContain('1900 1234');
  });

  it('says how many working days an overdue dossier is late, and that an apology letter is due', async () => {
    const chat = conversation(app);
    await chat.say(`tra cứu hồ sơ ${DEMO_CODES[2]}`);
    const status = await chat.say(DEMO_PHONE_LAST4);
    // Due Thursday 19/11/2026; today Tuesday 24/11: 20, 23 and 24 are working days.
    expect(status.text).toContain('quá ngày hẹn 3 ngày làm việc');
    expect(status.text).toMatch(/phiếu xin lỗi và hẹn lại ngày trả kết quả/);
    // One coherent message: a late dossier is not told to keep waiting for the date it missed.
    expect(status.text).not.toMatch(/chờ kết quả theo ngày hẹn/);
  });

  it('says the result goes by post, and offers no subscription for a finished dossier', async () => {
    const chat = conversation(app);
    await chat.say(`tra cứu hồ sơ ${DEMO_CODES[3]}`);
    const status = await chat.say(DEMO_PHONE_LAST4);
    expect(status.text).toMatch(/gửi qua dịch vụ bưu chính công ích/);
    expect(status.buttons.map((b) => b.title)).toEqual(['Phản ánh về hồ sơ này']);
    expect((await chat.say('báo cho tôi khi có kết quả')).text).toMatch(/không cần theo dõi thêm/);
  });

  it('can be cancelled while asking for the code', async () => {
    const chat = conversation(app);
    await chat.say('kiểm tra tình trạng hồ sơ');
    expect((await chat.say('hủy')).text).toBe('Đã hủy. Anh/chị có thể hỏi câu khác bất cứ lúc nào.');
  });

  it('subscribes a verified conversation', async () => {
    const chat = conversation(app);
    await chat.say(`tra cứu hồ sơ ${DEMO_CODES[0]}`);
    await chat.say(DEMO_PHONE_LAST4);
    const turn = await chat.say('Báo cho tôi khi có kết quả');
    expect(turn.text).toContain(`Đã đăng ký. Khi hồ sơ ${DEMO_CODES[0]} có thay đổi`);
    expect(app.subscriptions.forCode(DEMO_CODES[0])).toHaveLength(1);
  });

  it('asks to look the dossier up before subscribing', async () => {
    const turn = await conversation(app).say('báo cho tôi khi có kết quả');
    expect(turn.text).toMatch(/cần tra cứu hồ sơ trước/);
    expect(turn.text).toMatch(/mã hồ sơ/);
  });
});

describe('next steps for each status', () => {
  const view = (status: DossierStatus, over: Partial<DossierView> = {}): DossierView => ({
    code: 'X', procedureName: 'P', agency: 'UBND phường A', receivedAt: new Date(), dueAt: null, status, statusLabel: DOSSIER_STATUS_LABELS[status],
    statusNote: null, missingDocuments: [], resultDelivery: null, byPost: false, maskedName: 'N', workingDaysLate: null, ...over,
  });
  it.each([
    [1, /chờ cán bộ kiểm tra để tiếp nhận/],
    [2, /đã được tiếp nhận/],
    [3, /không được tiếp nhận.*nộp lại/],
    [4, /đang được xử lý/],
    [5, /bổ sung giấy tờ/],
    [6, /nộp phí, lệ phí hoặc nghĩa vụ tài chính/],
    [7, /đã được rút/],
    [8, /dừng xử lý/],
    [9, /Mời anh\/chị đến nhận tại UBND phường A/],
    [10, /Thủ tục đã hoàn tất/],
  ] as Array<[DossierStatus, RegExp]>)('status %i', (status, text) => {
    expect(nextStep(view(status), messages)).toMatch(text);
  });
  it('includes the agency note and the missing documents', () => {
    expect(nextStep(view(5, { missingDocuments: ['Bản sao sổ đỏ'], statusNote: 'Bổ sung trước 30/11' }), messages)).toMatch(/1\. Bản sao sổ đỏ[\s\S]*Bổ sung trước 30\/11/);
  });
});
