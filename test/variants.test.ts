/**
 * Sibling variants: which leaders form a family and how they are labelled
 * (a table over names), then a conversation that asks by what tells them apart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Catalogue } from '../src/catalogue/catalogue.js';
import type { Procedure } from '../src/catalogue/schema.js';
import { loadSources } from '../src/catalogue/sources.js';
import { MAX_VARIANTS, nameParts, variantChoice } from '../src/catalogue/variants.js';
import { testApp } from './helpers.js';
import { conversation } from './transcripts.js';

const named = (name: string, i = 0): Procedure => ({ id: `9.00000${i}`, name, alternates: [] }) as unknown as Procedure;
const ask = (...names: string[]) => {
  const [best, ...others] = names.map(named);
  return variantChoice(best!, others)?.question;
};

describe('nameParts', () => {
  it.each([
    ['Thủ tục đăng ký kết hôn có yếu tố nước ngoài', 'đăng ký kết hôn', 'có yếu tố nước ngoài'],
    ['Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ', 'Gia hạn giấy phép xây dựng', 'đối với nhà ở riêng lẻ'],
    ['Đăng ký khai tử', 'Đăng ký khai tử', ''],
  ])('%s → head "%s", qualifiers "%s"', (name, head, tail) => {
    expect(nameParts(name)).toEqual({ head, tail });
  });
});

describe('variantChoice', () => {
  it.each<[string, string[], ReturnType<typeof ask>]>([
    ['the same head, with and without a qualifier', ['Đăng ký kết hôn', 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài'],
      { shared: 'head', common: 'Đăng ký kết hôn', labels: ['', 'Có yếu tố nước ngoài'] }],
    ['the same works, different actions', ['Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ', 'Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ'],
      { shared: 'tail', common: 'đối với nhà ở riêng lẻ', labels: ['Cấp giấy phép xây dựng mới', 'Gia hạn giấy phép xây dựng', 'Cấp lại giấy phép xây dựng'] }],
    ['a bracketed list is left out of what they share', ['Cấp mới chứng chỉ đối với công trình (a/b/c)', 'Cấp lại chứng chỉ đối với công trình (a/b/c)'],
      { shared: 'tail', common: 'đối với công trình', labels: ['Cấp mới chứng chỉ', 'Cấp lại chứng chỉ'] }],
    ['a qualifier is labelled as a phrase of its own', ['Cấp phiếu lý lịch tư pháp cho công dân Việt Nam', 'Cấp phiếu lý lịch tư pháp theo yêu cầu của cơ quan tố tụng'],
      { shared: 'head', common: 'Cấp phiếu lý lịch tư pháp', labels: ['Cho công dân Việt Nam', 'Theo yêu cầu của cơ quan tố tụng'] }],
    ['a comma lists, it does not qualify', ['Đăng ký nhận cha, mẹ, con', 'Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con'], undefined],
    ['family members further down come along; unrelated ones do not', ['Đăng ký kết hôn', 'Đăng ký kết hôn có yếu tố nước ngoài', 'Đăng ký khai sinh', 'Đăng ký kết hôn tại khu vực biên giới'],
      { shared: 'head', common: 'Đăng ký kết hôn', labels: ['', 'Có yếu tố nước ngoài', 'Tại khu vực biên giới'] }],
    ['the same variant at another level appears once', ['Đăng ký kết hôn', 'Đăng ký kết hôn có yếu tố nước ngoài (cấp tỉnh)', 'Đăng ký kết hôn có yếu tố nước ngoài (cấp xã)'],
      { shared: 'head', common: 'Đăng ký kết hôn', labels: ['', 'Có yếu tố nước ngoài (cấp tỉnh)'] }],
    ['the runner-up is another procedure: no family', ['Đăng ký kết hôn', 'Đăng ký khai sinh', 'Đăng ký kết hôn có yếu tố nước ngoài'], undefined],
    ['names that differ but for a bracketed remark share nothing', ['Cấp giấy phép lái xe (thi bằng lái)', 'Cấp lại giấy phép lái xe'], undefined],
    ['words shared inside a word do not make a family', ['Đăng ký khai sinh', 'Đăng ký khai tử'], undefined],
    ['no runner-up', ['Đăng ký kết hôn'], undefined],
  ])('%s', (_label, names, expected) => {
    expect(ask(...names)).toEqual(expected);
  });

  it(`offers at most ${MAX_VARIANTS} variants`, () => {
    const names = ['mới', 'lại', 'đổi', 'điều chỉnh', 'gia hạn', 'di dời', 'sửa chữa', 'bổ sung'].map((a) => `Cấp ${a} giấy phép đối với nhà ở`);
    expect(ask(...names)?.labels).toHaveLength(MAX_VARIANTS);
  });
});

describe('a conversation about variants of one procedure', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(() => cleanup?.());

  it('asks which variant by what tells them apart, and answers the one picked', async () => {
    const [record] = await loadSources(['knowledge']);
    const base = { ...record!, aliases: [], examples: [], officialName: undefined, alternates: [] };
    const catalogue = Catalogue.fromProcedures([
      { ...base, id: '9.000011', name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ' },
      { ...base, id: '9.000012', name: 'Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ' },
      { ...base, id: '9.000013', name: 'Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ' },
      { ...base, id: '9.000014', name: 'Đăng ký kết hôn' },
      { ...base, id: '9.000015', name: 'Thông báo khởi công xây dựng nhà ở riêng lẻ' },
    ]);
    const made = await testApp({}, { catalogue });
    cleanup = made.cleanup;
    const chat = conversation(made.app);

    const asked = await chat.say('giấy phép xây dựng nhà ở riêng lẻ');
    expect(asked.text).toContain('Anh/chị cần làm việc nào dưới đây (đối với nhà ở riêng lẻ) ạ?');
    expect(asked.buttons.map((b) => b.title).slice(0, 3).sort()).toEqual(['Cấp giấy phép xây dựng mới', 'Cấp lại giấy phép xây dựng', 'Gia hạn giấy phép xây dựng']);
    // What else scored close comes after the variants, by its name.
    expect(asked.buttons.map((b) => b.title).slice(3)).toEqual(['Thủ tục khác: Thông báo khởi công xây dựng nhà ở riêng lẻ']);
    expect(asked.text).not.toContain('Đăng ký kết hôn');

    const pick = asked.buttons.find((b) => b.title === 'Gia hạn giấy phép xây dựng')!;
    const answered = await chat.say(pick.value);
    expect(answered.text).toContain('Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ');
  });
});
