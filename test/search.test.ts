import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../src/catalogue/catalogue.js';
import { Catalogue as CatalogueClass } from '../src/catalogue/catalogue.js';
import { loadSources } from '../src/catalogue/sources.js';
import type { SearchVerdict } from '../src/catalogue/verdict.js';
import { baseName } from '../src/catalogue/verdict.js';
import { nameHead } from '../src/catalogue/nameFit.js';
import { bundledCatalogue } from './helpers.js';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await bundledCatalogue();
});

const topCode = (v: SearchVerdict) => v.ranked[0]?.procedure.id;

describe('ranking over the bundled knowledge', () => {
  it.each([
    ['thủ tục đăng ký kết hôn', '1.000894'],
    ['thu tuc dang ky ket hon', '1.000894'],
    ['đk kết hun cần giấy tờ j', '1.000894'],
    ['kết hôn với người nước ngoài', '2.000806'],
    ['làm giấy khai sinh cho con', '1.001193'],
    ['lam giay khai sing cho be', '1.001193'],
    ['đăng ký tạm chú cho sinh viên thuê trọ', '1.004194'],
    ['gia hạn tạm trú', '1.002755'],
    ['mất bằng lái xe thì làm lại thế nào', '3.000348'],
    ['muốn tách hộ khẩu', '1.010038'],
    ['xin giấy phép xây nhà', '1.013225'],
    ['làm lại sổ đỏ bị mất', '1.012786'],
    ['sang tên xe máy', '1.013076'],
    ['xin phiếu lý lịch tư pháp', '3.000333'],
    ['chứng thực bản sao giấy tờ', '2.000815'],
    ['hưởng chế độ thai sản', '2.000693'],
  ])('%s → %s', (question, code) => {
    expect(topCode(catalogue.search(question))).toBe(code);
  });

  it('answers a clear question with a confident match', () => {
    const v = catalogue.search('thủ tục đăng ký kết hôn');
    expect(v.kind).toBe('match');
    expect(v.kind === 'match' && v.procedure.id).toBe('1.000894');
  });

  it('offers choices when the question fits several procedures equally', () => {
    const v = catalogue.search('bằng lái xe');
    expect(v.kind).toBe('ambiguous');
    if (v.kind === 'ambiguous') {
      expect(v.candidates.length).toBeGreaterThanOrEqual(2);
      expect(v.candidates.length).toBeLessThanOrEqual(5);
    }
  });

  it.each([
    'giá vàng hôm nay bao nhiêu',
    'thời tiết Hà Nội ngày mai',
    'cấp giấy phép khai thác thủy sản',
    'đăng ký nhãn hiệu độc quyền cho sản phẩm',
    'xin visa đi Mỹ du lịch',
  ])('says nothing fits rather than guessing: %s', (question) => {
    expect(catalogue.search(question).kind).not.toBe('match');
  });

  it.each([
    ['làm hộ chiếu cho con 5 tuổi', '1.001456'],
    ['tôi tên là Lê Văn An, sđt 0912 345 678, cho hỏi làm hộ chiếu phổ thông', '1.001456'],
    ['đăng ký hộ kinh doanh mất mấy ngày', '1.001612'],
  ])('is not put off by the citizen\'s own details or a common word: %s', (question, code) => {
    const v = catalogue.search(question);
    expect(v.kind).toBe('match');
    expect(topCode(v)).toBe(code);
  });

  it('has no topic for a bare follow-up', () => {
    const v = catalogue.search('còn lệ phí thì sao?');
    expect(v.topical).toBe(false);
    expect(v.kind).toBe('none');
  });

  it('scores higher for better matches, best first', () => {
    const scores = catalogue.search('đăng ký kết hôn', { top: 5 }).ranked.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('level variants', () => {
  it('treats the same procedure at another level as a sibling, not a rival', () => {
    const names = ['Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)', 'Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp trung ương)'];
    const [a, b] = names.map((name) => baseName({ name } as never));
    expect(a).toBe(b);
  });
});

describe('abbreviations in official text', () => {
  it('indexes "BHYT" in a name as the words a citizen\'s "bhyt" expands to', async () => {
    const [record] = await loadSources(['knowledge']);
    const renamed = { ...record!, id: '9.999999', name: 'Cấp lại thẻ BHYT', aliases: [], examples: [], officialName: undefined };
    const small = CatalogueClass.fromProcedures([renamed]);
    for (const q of ['cấp lại thẻ bảo hiểm y tế', 'cap lai the bhyt']) expect(small.search(q).ranked[0]?.fit).toBeGreaterThan(0.9);
  });
});

describe('a catalogue built from the national format', () => {
  it('finds a record with and without diacritics', async () => {
    const mini = CatalogueClass.fromProcedures(await loadSources(['test/fixtures/catalogue/mini.jsonl']));
    expect(topCode(mini.search('giấy phép khai thác thủy sản'))).toBe('2.002338');
    expect(topCode(mini.search('giay phep khai thac thuy san'))).toBe('2.002338');
  });
});

describe('words typed without marks that fold like function words', () => {
  it('reads "toi", "muon" as "tôi", "muốn" even where a procedure speaks of "tội" or "mượn", unless they pair', async () => {
    const [record] = await loadSources(['knowledge']);
    const base = { ...record!, aliases: [], examples: [], officialName: undefined };
    const small = CatalogueClass.fromProcedures([
      { ...base, id: '9.000001', name: 'Đăng ký kết hôn' },
      { ...base, id: '9.000002', name: 'Xóa án tích tội phạm cho người mượn xe' },
    ]);
    const concepts = (q: string) => small.index.rankAnalyzed(small.index.analyze(q)).query.concepts.map((c) => c.folded);
    expect(concepts('toi muon dang ky ket hon')).not.toContain('toi');
    expect(concepts('toi muon dang ky ket hon')).not.toContain('muon');
    // "toi pham" is a pair the index knows: "toi" is the content word "tội" there.
    expect(concepts('xoa an tich toi pham')).toContain('toi');
    expect(small.search('toi muon dang ky ket hon').kind).toBe('match');
  });
});

describe('common words that form a word with a telling neighbour', () => {
  const concepts = (q: string) => catalogue.index.rankAnalyzed(catalogue.index.analyze(q)).query.concepts.map((c) => c.folded);
  it.each<[string, string, boolean]>([
    ['xin giấy phép xây dựng', 'giay', true],
    ['nộp giấy tờ ở đâu', 'giay', false],
    ['lam ho chieu cho con', 'ho', true],
    ['nop ho so o dau', 'ho', false],
  ])('%s: "%s" is a content word → %s', (question, word, expected) => {
    expect(concepts(question).includes(word)).toBe(expected);
  });

  it('counts the story before the question at half weight', () => {
    const query = catalogue.index.rankAnalyzed(catalogue.index.analyze('Tôi vừa chuyển nhà. Làm hộ chiếu ở đâu?')).query;
    const weight = (w: string) => query.concepts.find((c) => c.folded === w)?.weight;
    expect([weight('chuyen'), weight('chieu')]).toEqual([0.5, 1]);
  });
});

describe('name heads', () => {
  it.each([
    ['Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', 'Cấp Phiếu lý lịch tư pháp'],
    ['Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV', 'Cấp giấy phép xây dựng mới'],
    ['Đổi giấy phép lái xe do ngành Công an cấp', 'Đổi giấy phép lái xe'],
    ['Cấp hộ chiếu phổ thông (thực hiện tại cấp tỉnh)', 'Cấp hộ chiếu phổ thông'],
    ['Thủ tục đăng ký kết hôn có yếu tố nước ngoài', undefined],
  ])('%s → %s', (name, head) => {
    expect(nameHead(name)).toBe(head);
  });

  it('lets a question that names the head of a long catalogue name be offered, not refused', async () => {
    const [record] = await loadSources(['knowledge']);
    const long = { ...record!, id: '9.000003', aliases: [], examples: [], officialName: undefined, name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam' };
    const small = CatalogueClass.fromProcedures([long, { ...long, id: '9.000004', name: 'Đăng ký kết hôn' }]);
    const verdict = small.search('thẩm quyền cấp phiếu lý lịch tư pháp');
    expect(verdict.ranked[0]!.fit).toBeLessThan(0.5);
    expect(verdict.ranked[0]!.headFit).toBe(1);
    expect(verdict.kind).not.toBe('none');
  });
});
