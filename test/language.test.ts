import { describe, expect, it } from 'vitest';
import { analyze } from '../src/language/analyze.js';
import { pickChoice, pickNumber } from '../src/language/choice.js';
import { detectAspects, detectCommand } from '../src/language/intents.js';
import { loadLexicon } from '../src/language/lexicon.js';
import { fold, hasDiacritics, normalizeText, syllables } from '../src/language/normalize.js';
import { phoneticKey } from '../src/language/phonetic.js';
import { yesNo } from '../src/language/yesNo.js';

const lexicon = loadLexicon();
const a = (text: string) => analyze(text, lexicon);

describe('normalisation and folding', () => {
  it('composes decomposed marks (NFC)', () => {
    const decomposed = 'Đăng ky\u0301 khai sinh'; // "ký" as y + combining acute
    expect(normalizeText(decomposed)).toBe('Đăng ký khai sinh');
    expect(syllables(decomposed)).toEqual(['đăng', 'ký', 'khai', 'sinh']);
  });

  it.each([
    ['Đăng ký kết hôn', 'dang ky ket hon'],
    ['GIẤY PHÉP LÁI XE', 'giay phep lai xe'],
    ['Thẻ căn cước', 'the can cuoc'],
    ['đường', 'duong'],
  ])('folds %s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('tells text with diacritics from text without', () => {
    expect(hasDiacritics('làm khai sinh')).toBe(true);
    expect(hasDiacritics('lam khai sinh')).toBe(false);
  });

  it.each([
    ['tru', 'chu'],
    ['sinh', 'sing'],
    ['ky', 'ki'],
    ['xa', 'sa'],
    ['giay', 'day'],
  ])('phonetic key joins %s and %s', (x, y) => {
    expect(phoneticKey(x)).toBe(phoneticKey(y));
  });
});

describe('chat abbreviations, stop phrases and synonyms', () => {
  it.each([
    ['dk khai sinh', 'dang ky khai sinh'],
    ['đk kết hôn cần j', 'dang ky ket hon can gi'],
    ['lm cccd mất bn ngày', 'lam can cuoc cong dan mat bao nhieu ngay'],
    ['gplx hết hạn ko đổi dc ko ad', 'giay phep lai xe het han khong doi duoc khong admin'],
    ['thủ tục tách hk ntn', 'thu tuc tach ho khau nhu the nao'],
  ])('expands %s', (input, folded) => {
    expect(a(input).folded).toBe(folded);
  });

  it('never treats a word with diacritics as an abbreviation', () => {
    expect(a('mà').folded).toBe('ma');
  });

  it('drops chat stop phrases from the search segments', () => {
    const words = a('cho em hỏi làm khai sinh ạ').segments.flatMap((s) => s.tokens.map((t) => t.text));
    expect(words).toEqual(['làm', 'khai', 'sinh']);
  });

  it('adds the official wording for colloquial names', () => {
    const synonyms = a('mất bằng lái').segments.filter((s) => s.origin === 'synonym');
    expect(synonyms.map((s) => s.tokens.map((t) => t.text).join(' '))).toContain('giấy phép lái xe');
    const land = a('làm lại sổ đỏ').segments.filter((s) => s.origin === 'synonym').map((s) => s.tokens.map((t) => t.text).join(' '));
    expect(land).toContain('giấy chứng nhận quyền sử dụng đất');
  });

  const added = (input: string) => a(input).segments.filter((s) => s.origin === 'synonym').map((s) => s.tokens.map((t) => t.text).join(' '));

  it.each<[string, string, boolean]>([
    // Synonyms that hold only in context: one row per side of each condition.
    ['làm lại thẻ căn cước', 'cấp lại', true],
    ['làm lại nhà bếp có phải xin phép không', 'cấp lại', false],
    ['mất giấy khai sinh, bị mất rồi', 'cấp lại', true],
    ['bố tôi bị mất, cần làm gì', 'cấp lại', false],
    ['nhập khẩu cho con vào nhà ông bà', 'đăng ký thường trú', true],
    ['thủ tục nhập khẩu hàng hóa', 'đăng ký thường trú', false],
    ['nhap khau o to cu', 'đăng ký thường trú', false],
    ['căn cước hết hạn', 'cấp đổi', true],
    ['tạm trú hết hạn rồi', 'cấp đổi', false],
    ['tạm trú hết hạn rồi', 'gia hạn', true],
    ['hộ chiếu hết hạn', 'gia hạn', false],
    ['em lấy chồng Hàn Quốc thì làm giấy kết hôn thế nào', 'yếu tố nước ngoài', true],
    ['xin thị thực đi Hàn Quốc', 'yếu tố nước ngoài', false],
  ])('"%s" adds "%s": %s', (input, official, expected) => {
    expect(added(input).includes(official)).toBe(expected);
  });

  const kept = (input: string) =>
    a(input).segments.filter((s) => s.origin === 'typed').flatMap((s) => s.tokens.filter((t) => t.stop === 'none').map((t) => t.text));

  it.each([
    ['mua nhà ở xã hội nha', 'nhà', 'the particle "nha" is not "nhà" (house)'],
    ['tôi muốn vay vốn ạ', 'vay', '"vậy ạ" is not "vay" (loan) when typed with diacritics'],
    ['xin bản sao giấy khai sinh', 'sao', '"sao" of "bản sao" is not the question word'],
    ['sao y bản chính ở đâu', 'sao', '"sao y" is a procedure word'],
  ])('keeps %s: "%s" (%s)', (input, word) => {
    expect(kept(input)).toContain(word);
  });

  it.each([
    ['vẫn chưa biết làm sao ạ', 'sao'],
    ['thế thì sao', 'sao'],
  ])('still drops the question word in %s', (input, word) => {
    expect(kept(input)).not.toContain(word);
  });

  it('reads a bare word of a bare message as any of its spellings: a maybe, not a stop', () => {
    const tokens = a('mua nha o xa hoi').segments.flatMap((s) => s.tokens);
    expect(tokens.find((t) => t.folded === 'nha')?.stop).toBe('maybe');
  });

  it('tells weak words by their spelling: "hồ" of "hồ sơ" is common, "hộ" of "hộ chiếu" is not; "đổi" is not "đối"', () => {
    const tokens = a('hồ sơ làm hộ chiếu đổi thẻ').segments.flatMap((s) => s.tokens);
    const weak = (w: string) => tokens.find((t) => t.text === w)?.weak;
    expect([weak('hồ'), weak('hộ'), weak('đổi'), weak('thẻ')]).toEqual([true, false, false, false]);
  });

  it('leaves the citizen\'s name, phone number and age out of the topic', () => {
    expect(kept('tôi tên là Lê Văn An, số 0912 345 678, làm hộ chiếu cho con 5 tuổi')).not.toEqual(expect.arrayContaining(['lê', 'an', '0912']));
    const five = a('làm hộ chiếu cho con 5 tuổi').segments.flatMap((s) => s.tokens).find((t) => t.text === '5');
    expect(five?.weak).toBe(true);
  });

  it('marks aspect cues so they do not count as the topic', () => {
    const tokens = a('lệ phí đăng ký kết hôn').segments[0]!.tokens;
    expect(tokens.filter((t) => t.stop === 'cue').map((t) => t.text)).toEqual(['lệ', 'phí']);
    expect(tokens.filter((t) => t.stop === 'none').map((t) => t.text)).toEqual(['đăng', 'ký', 'kết', 'hôn']);
  });
});

describe('intents', () => {
  it.each([
    ['chào bạn', 'greeting'],
    ['Xin chào', 'greeting'],
    ['hi ad', 'greeting'],
    ['cảm ơn nhiều nhé', 'thanks'],
    ['cam on ban', 'thanks'],
    ['tks', 'thanks'],
    ['giúp', 'help'],
    ['trợ giúp', 'help'],
    ['hủy', 'cancel'],
    ['thôi', 'cancel'],
    ['huy bo', 'cancel'],
    ['huỷ', 'cancel'],
    ['dừng lại', 'cancel'],
    ['dung', 'cancel'],
    ['bắt đầu lại', 'restart'],
    ['làm lại từ đầu', 'restart'],
  ])('%s → %s', (input, intent) => {
    expect(detectCommand(a(input))).toBe(intent);
  });

  it.each(['giúp em làm giấy khai sinh', 'chào ad, cho em hỏi đăng ký tạm trú', 'hủy đăng ký thường trú', 'thủ tục đăng ký kết hôn',
    'đúng rồi', 'đúng', 'đúng rồi ạ', 'dung roi', 'dung vay', 'thời'])(
    'a question or an answer is not a command: %s',
    (input) => {
      expect(detectCommand(a(input))).toBeUndefined();
    },
  );
});

describe('yes or no', () => {
  it.each([
    ['có ạ', 'yes'], ['đúng rồi', 'yes'], ['dung roi', 'yes'], ['đồng ý', 'yes'], ['ok', 'yes'],
    ['không', 'no'], ['thôi', 'no'], ['dừng', 'no'], ['dừng lại ạ', 'no'], ['sai', 'no'],
  ])('%s → %s', (input, answer) => {
    expect(yesNo(input)).toBe(answer);
  });
});

describe('aspects', () => {
  it.each([
    ['làm khai sinh cần giấy tờ gì', ['documents']],
    ['lam khai sinh can giay to gi', ['documents']],
    ['đổi bằng lái mất bao lâu', ['time']],
    ['mất mấy ngày', ['time']],
    ['còn lệ phí thì sao?', ['fee']],
    ['đăng ký tạm trú tốn bao nhiêu tiền', ['fee']],
    ['nộp online được không', ['online']],
    ['nộp ở đâu', ['where']],
    ['thủ tục đăng ký kết hôn như thế nào', ['steps']],
    ['căn cứ pháp lý của thủ tục này', ['legal']],
    ['gửi qua bưu điện được không', ['post']],
    ['cần điều kiện gì', ['conditions']],
    ['thủ tục đăng ký kết hôn', []],
  ])('%s → %j', (input, aspects) => {
    expect(detectAspects(a(input))).toEqual(aspects);
  });
});

describe('choices', () => {
  const options = ['1. Đăng ký kết hôn', '2. Đăng ký kết hôn với người nước ngoài', '3. Cấp bản sao trích lục hộ tịch'];
  it.each([
    ['2', 1],
    ['số 2', 1],
    ['thứ hai', 1],
    ['cái thứ 3 ạ', 2],
    ['2. Đăng ký kết hôn với người nước ngoài', 1],
    ['đăng ký kết hôn với người nước ngoài', 1],
    ['bản sao trích lục', 2],
  ])('%s picks option %i', (reply, index) => {
    expect(pickChoice(reply, options)).toBe(index);
  });

  it.each(['7', '0', 'đăng ký kết hôn ở đâu', ''])('%s picks nothing', (reply) => {
    expect(pickChoice(reply, options)).toBeUndefined();
  });

  it('reads bare numbers only for menus', () => {
    expect(pickNumber('1', 3)).toBe(0);
    expect(pickNumber('lệ phí', 3)).toBeUndefined();
  });
});
