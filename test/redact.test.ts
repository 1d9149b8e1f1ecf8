/**
 * Redaction of personal data in stored texts (what it removes, what it keeps),
 * and a guard that every pattern applied to citizen text stays linear: these
 * bounds are an order of magnitude above linear code and far below quadratic
 * code (which took minutes), not a benchmark.
 */
import { describe, expect, it } from 'vitest';
import { parseComplaintCode } from '../src/complaints/complaintService.js';
import { checkAddress, checkContent, checkEmail, checkName, checkPhone } from '../src/complaints/fields.js';
import { fieldNamed, fourDigits, isSendConfirmation } from '../src/dialogs/prompts.js';
import { parseDossierCode } from '../src/dossiers/dossierCode.js';
import { ProcedureGuide } from '../src/guide/procedureGuide.js';
import { redact } from '../src/language/redact.js';
import { UnansweredLog } from '../src/guide/unanswered.js';
import { analyze } from '../src/language/analyze.js';
import { pickChoice, pickNumber } from '../src/language/choice.js';
import { asksDossierStatus, asksToGiveFeedback, asksToSubscribe, detectAspects, detectCommand } from '../src/language/intents.js';
import { loadLexicon } from '../src/language/lexicon.js';
import { fold, hasDiacritics, lower, normalizeText, syllables } from '../src/language/normalize.js';
import { yesNo } from '../src/language/yesNo.js';
import { bundledCatalogue, fixedClock, tempDir } from './helpers.js';

describe('redact', () => {
  it.each([
    ['gọi 0912 345 678 giúp tôi', 'gọi [số điện thoại] giúp tôi'],
    ['sđt 0912.345.678 nhé', 'sđt [số điện thoại] nhé'],
    ['sđt +84 912.345.678', 'sđt [số điện thoại]'],
    ['số 84-912-345-678 ạ', 'số [số điện thoại] ạ'],
    ['máy bàn 024 3825 1234', 'máy bàn [số điện thoại]'],
    ['email an.nguyen@gmail.com nhé', 'email [email] nhé'],
    ['mail: nguyen.van.an+vn@so-tu-phap.hanoi.gov.vn, cảm ơn', 'mail: [email], cảm ơn'],
    ['gửi về lê.thị.hoa@bưuđiện.vn.', 'gửi về [email].'],
    ['CCCD 001234567890', 'CCCD [số]'],
    ['tài khoản 1234 5678 9012 ở Vietcombank', 'tài khoản [số] ở Vietcombank'],
    ['Tôi tên Nguyễn Văn An, muốn hỏi làm hộ chiếu', 'Tôi tên [tên], muốn hỏi làm hộ chiếu'],
    ['Tôi tên Nguyễn Văn An muốn hỏi làm hộ chiếu', 'Tôi tên [tên] muốn hỏi làm hộ chiếu'],
    ['toi ten tran thi binh o ha noi', 'toi ten [tên] o ha noi'],
    ['TOI TEN NGUYEN VAN AN', 'TOI TEN [tên]'],
    ['họ tên: Lê Minh', 'họ tên: [tên]'],
    ['ho ten: le minh', 'ho ten: [tên]'],
    ['Họ và tên Phạm Thị Hoa sinh năm 1990', 'Họ và tên [tên] sinh năm 1990'],
    ['tên tôi là Đỗ Hùng, cần hỏi về tạm trú', 'tên tôi là [tên], cần hỏi về tạm trú'],
    ['ten toi la Dang Van Lam can hoi', 'ten toi la [tên] can hoi'],
    ['tôi tên là Hoàng Yến ạ', 'tôi tên là [tên] ạ'],
    ['em tên Trần Thị Thu Trang đang ở Huế', 'em tên [tên] đang ở Huế'],
    ['mình tên Khánh, có việc hỏi', 'mình tên [tên], có việc hỏi'],
    ['cháu tên Vi thì làm căn cước thế nào', 'cháu tên [tên] thì làm căn cước thế nào'],
    ['con tôi tên là Bảo Anh, sinh 2020', 'con tôi tên là [tên], sinh 2020'],
    ['bé nhà tôi tên là Minh Khôi và cần làm khai sinh', 'bé nhà tôi tên là [tên] và cần làm khai sinh'],
    // "<pronoun> là" introduces a name only when a capitalised full name follows.
    ['em là Trần Thị Bình, 32 tuổi', 'em là [tên], 32 tuổi'],
    ['Toi la Nguyen Van An can hoi', 'Toi la [tên] can hoi'],
    // Decomposed input (e + combining marks) is read as NFC.
    ['Te\u0302n to\u0302i la\u0300 Nguye\u0302\u0303n Va\u0306n An', 'Tên tôi là [tên]'],
    ['Tôi tên Nguyễn Văn An, sđt 0912345678, email an@gmail.com', 'Tôi tên [tên], sđt [số điện thoại], email [email]'],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each([
    'tôi là sinh viên cần đăng ký tạm trú',
    'em là Sinh viên năm nhất',
    'con là học sinh lớp 5',
    'thủ tục thay đổi tên cho con',
    'thay đổi họ tên cho con cần giấy tờ gì',
    'cải chính họ tên trong giấy khai sinh',
    'đổi tên doanh nghiệp cần giấy tờ gì',
    'tên doanh nghiệp có được trùng không',
    'đặt tên là gì',
    'tên em là gì ạ',
    'ghi họ tên người yêu cầu ở đâu',
    'làm hộ chiếu mất bao lâu, lệ phí 200 nghìn',
    'email của tôi bị sai @ chỗ nào',
  ])('keeps a text with nobody in it as it is: %s', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('is linear: 100,000-character adversarial texts take milliseconds, not minutes', () => {
    const inputs = [
      'ă'.repeat(100_000),
      'a.'.repeat(50_000),
      '1-'.repeat(50_000),
      '1 '.repeat(50_000),
      '0912.'.repeat(20_000),
      'a@'.repeat(50_000),
      'x'.repeat(99_990) + '@b.vn',
      ('a@' + 'a.'.repeat(130)).repeat(380),
      ('a'.repeat(62) + ' a@').repeat(1_500),
      'tôi tên '.repeat(12_500),
      'họ tên: '.repeat(12_500),
      'tên tôi là An '.repeat(7_000),
    ];
    const started = performance.now();
    for (const text of inputs) redact(text);
    // The first input alone took 158 s with the unbounded e-mail pattern; linear code takes well under 1 s.
    expect(performance.now() - started).toBeLessThan(2_000);
  }, 60_000);
});

/** Texts that make a backtracking pattern rescan: long runs, repeated separators, near-misses of codes. */
function adversarial(length: number): string[] {
  const fill = (unit: string) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  return [
    fill('ă'), fill('a.'), fill('1 '), fill('1-'), fill('a@'), 'a@' + fill('.') + '@', fill(' ') + 'x', '1234' + fill(' ') + 'x',
    fill('tôi tên '), fill('pakn '), 'pakn' + fill(' ') + 'x', fill('o00.'), 'a00' + fill(' ') + 'x', fill('a00 0'), fill('H56.14 '),
    'a00 241120' + fill(' ') + 'x', fill('000.00.15.H57 '), fill('1. '), fill('hủy '), fill('lệ phí bao lâu '), fill('khai sinh '),
    fill('e\u0301\u0302'), fill('đ'),
  ];
}

describe('the text functions applied to every message are linear', () => {
  const lexicon = loadLexicon();
  const messagePath = (text: string) => {
    const analyzed = analyze(text, lexicon);
    detectCommand(analyzed);
    detectAspects(analyzed);
    asksDossierStatus(analyzed);
    asksToSubscribe(analyzed);
    asksToGiveFeedback(analyzed);
    normalizeText(text);
    lower(text);
    hasDiacritics(text);
    syllables(fold(text));
    pickNumber(text, 5);
    pickChoice(text, ['Đăng ký khai sinh', 'Đăng ký kết hôn']);
    yesNo(text);
  };
  const parsers = (text: string) => {
    parseComplaintCode(text);
    parseDossierCode(text);
    checkContent(text);
    checkName(text);
    checkAddress(text);
    checkPhone(text);
    checkEmail(text);
    fourDigits(text);
    isSendConfirmation(text);
    fieldNamed(text);
  };

  it('language analysis and the parsers of codes, fields and replies, on 4,000 characters (the channel cap)', () => {
    const started = performance.now();
    for (const text of adversarial(4_000)) {
      messagePath(text);
      parsers(text);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  }, 60_000);

  it('the same parsers on 40,000 characters, where a quadratic pattern takes seconds', () => {
    // checkEmail's pattern once took 3.7 s on "a@" + 40,000 dots + "@".
    const started = performance.now();
    for (const text of adversarial(40_000)) parsers(text);
    expect(performance.now() - started).toBeLessThan(2_000);
  }, 60_000);

  it("the guide's whole answer (analysis, codes, search) on 4,000 characters", async () => {
    const guide = new ProcedureGuide(await bundledCatalogue(), { staleAfterDays: 365, clock: fixedClock });
    guide.ask('làm khai sinh cần gì');
    const started = performance.now();
    for (const text of adversarial(4_000)) guide.ask(text, { procedureId: undefined });
    // Search is the heavy part (about 0.5 s for all of these on an idle machine); quadratic code takes minutes.
    expect(performance.now() - started).toBeLessThan(6_000);
  }, 60_000);
});

describe('unanswered log', () => {
  it('stores neither the phone number nor the name, and keeps the question', async () => {
    const { dir, cleanup } = await tempDir('unanswered-');
    try {
      const log = await UnansweredLog.open(dir, fixedClock);
      await log.record('Tôi tên Nguyễn Văn An, số 0912 345 678, hỏi về ly hôn', 'webchat');
      const reopened = await UnansweredLog.open(dir, fixedClock);
      const [entry] = reopened.list();
      expect(entry!.text).toBe('Tôi tên [tên], số [số điện thoại], hỏi về ly hôn');
    } finally {
      await cleanup();
    }
  });

  it('records a 100,000-character text quickly, cut to the kept length, and still catches a number split by the cut', async () => {
    const { dir, cleanup } = await tempDir('unanswered-');
    try {
      const log = await UnansweredLog.open(dir, fixedClock);
      const started = performance.now();
      await log.record('ă'.repeat(100_000), 'webchat');
      await log.record('a@'.repeat(50_000), 'webchat');
      expect(performance.now() - started).toBeLessThan(1_000);
      // The phone number starts at 494 and crosses the 500-character cut.
      await log.record(`${'x'.repeat(493)} 0912 345 678 tôi tên Nguyễn Văn An`, 'zalo');
      const [long, ats, split] = log.list();
      expect(long!.text).toBe('ă'.repeat(500));
      expect(ats!.text.length).toBe(500);
      expect(split!.text).toBe(`${'x'.repeat(493)} [số điện thoại] tôi tên [tên]`.slice(0, 500));
      expect(split!.text).not.toMatch(/\d/);
    } finally {
      await cleanup();
    }
  });
});
