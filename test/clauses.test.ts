import { describe, expect, it } from 'vitest';
import { STORY_WEIGHT, clauses } from '../src/language/clauses.js';

/** The message as "words|weight" per clause. */
const cut = (text: string) => clauses(text).map((c) => `${c.words.join(' ')}|${c.weight}`);

describe('clauses: the question weighs more than the story around it', () => {
  it.each<[string, string, string[]]>([
    ['a plain question is one clause', 'Làm hộ chiếu ở đâu?', ['làm hộ chiếu ở đâu|1']],
    ['no question mark: nothing to tell apart', 'Tôi muốn làm hộ chiếu. Cần giấy tờ gì', ['tôi muốn làm hộ chiếu cần giấy tờ gì|1']],
    ['only questions: nothing to tell apart', 'Làm ở đâu? Mất bao lâu?', ['làm ở đâu mất bao lâu|1']],
    ['a story, then the question', 'Tôi sinh con năm 2020. Làm khai sinh ở đâu?', [`tôi sinh con năm 2020|${STORY_WEIGHT}`, 'làm khai sinh ở đâu|1']],
    ['"vậy" after a comma opens the question', 'Con tôi sống với bà, vậy tôi làm khai sinh ở đâu?', [`con tôi sống với bà|${STORY_WEIGHT}`, 'vậy tôi làm khai sinh ở đâu|1']],
    ['"nay" after a comma opens the question', 'Con tôi mới sinh được hai tháng, nay muốn làm hộ chiếu được không?', [`con tôi mới sinh được hai tháng|${STORY_WEIGHT}`, 'nay muốn làm hộ chiếu được không|1']],
    ['"cho em hỏi" opens the question', 'Em ở trọ, cho em hỏi đăng ký tạm trú thế nào?', [`em ở trọ|${STORY_WEIGHT}`, 'cho em hỏi đăng ký tạm trú thế nào|1']],
    ['bare "vay" before a pronoun is "vậy"', 'Con toi o voi ba, vay toi lam khai sinh o dau?', [`con toi o voi ba|${STORY_WEIGHT}`, 'vay toi lam khai sinh o dau|1']],
    ['bare "vay" before a noun is a loan', 'Toi la ho ngheo, vay von uu dai the nao?', ['toi la ho ngheo vay von uu dai the nao|1']],
    ['a comma without a lead does not cut the question', 'Sổ đỏ bị mất, làm lại thế nào?', ['sổ đỏ bị mất làm lại thế nào|1']],
    ['a thank-you after the question is story', 'Tôi ở Hà Nội. Đổi bằng lái ở đâu? Cảm ơn.', [`tôi ở hà nội|${STORY_WEIGHT}`, 'đổi bằng lái ở đâu|1', `cảm ơn|${STORY_WEIGHT}`]],
  ])('%s', (_label, text, expected) => {
    expect(cut(text)).toEqual(expected);
  });

  it('keeps every word of the message, in order', () => {
    const text = 'Tôi có con với anh A. Do chưa kết hôn, vậy nay tôi muốn nhận con thì làm thế nào? Tôi cần giấy tờ gì?';
    expect(clauses(text).flatMap((c) => c.words).join(' ')).toBe('tôi có con với anh a do chưa kết hôn vậy nay tôi muốn nhận con thì làm thế nào tôi cần giấy tờ gì');
  });
});
