import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { testApp, visibleText } from './helpers.js';
import { conversation } from './transcripts.js';

let app: App;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ app, cleanup } = await testApp()));
afterAll(() => cleanup());

describe('welcome', () => {
  it('greets a new member with what it does, example questions and the hotline', async () => {
    const replies: Array<Partial<Activity>> = [];
    const adapter = new TestAdapter(async (context) => app.bot.run(context));
    await adapter
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'citizen', name: 'Citizen' }], recipient: { id: 'bot', name: 'Bot' } })
      .assertReply((a) => void replies.push(a));
    const text = visibleText(replies[0]);
    expect(text).toMatch(/trợ lý ảo/);
    expect(text).toContain('1900 1234');
    expect(replies[0]!.suggestedActions?.actions.map((a) => a.title)).toContain('Làm giấy khai sinh cần giấy tờ gì?');
  });

  it('does not greet the bot itself', async () => {
    const adapter = new TestAdapter(async (context) => app.bot.run(context));
    await adapter.send({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'Bot' }], recipient: { id: 'bot', name: 'Bot' } }).assertNoReply();
  });
});

describe('a procedure conversation on a channel with cards', () => {
  it('question → summary → aspect button → follow-up in words → new question → choice by number → cancel', async () => {
    const chat = conversation(app);

    const summary = await chat.say('thủ tục đăng ký kết hôn');
    expect(summary.text).toContain('Đăng ký kết hôn (mã 1.000894)');
    expect(summary.text).toMatch(/Cơ quan giải quyết: /);
    expect(summary.text).toMatch(/Lệ phí: /);
    expect(summary.text).toMatch(/Nộp trực tuyến: /);
    expect(summary.text).toMatch(/Bưu điện: .*hồ sơ.*kết quả/i);
    // What the summary already shows (fee, time, where, online, post) gets no button; conditions and result do.
    expect(summary.buttons.map((b) => b.title)).toEqual([
      'Giấy tờ cần chuẩn bị', 'Các bước thực hiện', 'Điều kiện', 'Kết quả nhận được', 'Căn cứ pháp lý',
    ]);

    const documents = await chat.say(summary.buttons[0]!.value);
    expect(documents.text).toContain('Giấy tờ cần chuẩn bị — Đăng ký kết hôn');
    expect(documents.text).toMatch(/Tờ khai đăng ký kết hôn/);
    expect(documents.text).toMatch(/bản chính|bản sao|Xuất trình/);

    const fee = await chat.say('còn lệ phí thì sao?');
    expect(fee.text).toContain('Lệ phí — Đăng ký kết hôn');
    expect(fee.buttons.map((b) => b.title)).not.toContain('Lệ phí');

    const online = await chat.say('nop online duoc khong');
    expect(online.text).toContain('Nộp trực tuyến — Đăng ký kết hôn');

    const time = await chat.say('mất mấy ngày');
    expect(time.text).toContain('Thời gian giải quyết — Đăng ký kết hôn');

    const choice = await chat.say('bằng lái xe');
    expect(choice.text).toMatch(/thủ tục nào/);
    expect(choice.buttons.length).toBeGreaterThanOrEqual(2);
    const second = choice.buttons[1]!;

    const chosen = await chat.say('2');
    expect(chosen.text).toContain(second.title);
    expect(chosen.text).toMatch(/\(mã 3\.\d{6}\)/);

    const again = await chat.say('thẻ căn cước');
    expect(again.text).toMatch(/thủ tục nào/);
    const cancelled = await chat.say('hủy');
    expect(cancelled.text).toBe('Đã hủy. Anh/chị có thể hỏi câu khác bất cứ lúc nào.');
    expect(chat.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it('answers an aspect question directly', async () => {
    const chat = conversation(app);
    const turn = await chat.say('đăng ký khai sinh cần giấy tờ gì');
    expect(turn.text).toContain('Giấy tờ cần chuẩn bị — Đăng ký khai sinh');
    expect(turn.text).toMatch(/Giấy chứng sinh/);
    const time = await chat.say('đổi bằng lái mất bao lâu');
    expect(time.text).toContain('Thời gian giải quyết — Đổi giấy phép lái xe');
  });

  it('treats a reply that is no choice as a new question', async () => {
    const chat = conversation(app);
    await chat.say('bằng lái xe');
    const turn = await chat.say('đăng ký tạm trú cần giấy tờ gì');
    expect(turn.text).toContain('Giấy tờ cần chuẩn bị — Đăng ký tạm trú');
  });

  it('helps inside a choice without leaving it, then the number still works', async () => {
    const chat = conversation(app);
    const choice = await chat.say('bằng lái xe');
    const help = await chat.say('giúp');
    expect(help.text).toMatch(/hủy/);
    const chosen = await chat.say('1');
    expect(chosen.text).toContain(choice.buttons[0]!.title);
  });

  it('starts over on "bắt đầu lại" and forgets the procedure', async () => {
    const chat = conversation(app);
    await chat.say('đăng ký tạm trú');
    const restart = await chat.say('bắt đầu lại');
    expect(restart.text).toContain('Đã bắt đầu lại từ đầu.');
    const followUp = await chat.say('còn lệ phí thì sao?');
    expect(followUp.text).toMatch(/chưa tìm được thủ tục phù hợp/);
  });

  it.each([
    ['chào', 'Xin chào! Anh/chị cần hỏi về thủ tục hành chính nào ạ?'],
    ['cảm ơn nhé', 'Dạ, không có gì ạ. Nếu cần thêm thông tin, anh/chị cứ hỏi tiếp hoặc gọi tổng đài 1900 1234.'],
    ['hủy', 'Hiện không có việc gì đang làm dở. Anh/chị cần hỏi thủ tục nào ạ?'],
  ])('reacts to "%s"', async (said, expected) => {
    expect((await conversation(app).say(said)).text).toBe(expected);
  });

  it('says "giúp" with examples', async () => {
    const turn = await conversation(app).say('giúp');
    expect(turn.text).toMatch(/Gõ "hủy"/);
    expect(turn.buttons.length).toBe(3);
  });
});

describe('noise in the question', () => {
  // A name, a phone number or an age around the question must not turn a right answer into "không tìm thấy".
  it.each([
    ['làm hộ chiếu cho con 5 tuổi', 'Cấp hộ chiếu phổ thông'],
    ['tôi tên là Nguyễn Văn An, sđt 0912 345 678, muốn đăng ký kết hôn', 'Đăng ký kết hôn'],
    ['em là Trần Thị Bình, 32 tuổi, cần làm giấy khai sinh cho bé', 'Đăng ký khai sinh'],
    ['cho hỏi đăng ký tạm trú, email an@example.vn', 'Đăng ký tạm trú'],
  ])('"%s" is answered with %s', async (said, name) => {
    const turn = await conversation(app).say(said);
    expect(turn.text).toContain(name);
    expect(turn.text).not.toMatch(/chưa tìm được thủ tục phù hợp/);
  });
});

describe('the honest no-answer', () => {
  it('does not guess, suggests rephrasing, gives the hotline, and records the question redacted', async () => {
    const turn = await conversation(app).say('cho em hỏi giá vàng hôm nay, sđt em 0912 345 678');
    expect(turn.text).toMatch(/chưa tìm được thủ tục phù hợp/);
    expect(turn.text).toMatch(/hỏi lại ngắn gọn hơn/);
    expect(turn.text).toContain('1900 1234');
    const last = app.unanswered.list().at(-1)!;
    expect(last.text).toContain('giá vàng');
    expect(last.text).not.toContain('345');
  });
});

describe('a channel without cards (Zalo)', () => {
  it('numbers every choice and reads a number back', async () => {
    const chat = conversation(app, 'zalo');
    const summary = await chat.say('đăng ký tạm trú');
    expect(summary.replies.every((r) => !r.attachments?.length && !r.suggestedActions)).toBe(true);
    expect(summary.text).toMatch(/1\. Giấy tờ cần chuẩn bị\n2\. Các bước thực hiện/);
    const steps = await chat.say('2');
    expect(steps.text).toContain('Các bước thực hiện — Đăng ký tạm trú');

    const choice = await chat.say('bằng lái xe');
    expect(choice.text).toMatch(/\n1\. .+\n2\. .+/);
    expect(choice.text).toMatch(/Trả lời bằng số thứ tự/);
    const chosen = await chat.say('1');
    expect(chosen.text).toMatch(/\(mã 3\.\d{6}\)/);
  });

  it('keeps long document lists under the message limit', async () => {
    const chat = conversation(app, 'zalo');
    const turn = await chat.say('thành lập công ty cổ phần cần giấy tờ gì');
    expect(turn.replies.length).toBeGreaterThan(0);
    for (const r of turn.replies) expect((r.text ?? '').length).toBeLessThanOrEqual(1800);
  });
});
