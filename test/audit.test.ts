/** `kb audit`: each kind of finding, errors for our entries and warnings for catalogue records, history not flagged. */
import { describe, expect, it } from 'vitest';
import { auditProcedures, contradictsVerification, type FindingKind } from '../src/catalogue/audit.js';
import { loadReforms } from '../src/catalogue/reforms.js';
import { procedureEntrySchema, type Procedure, type ProcedureEntry } from '../src/catalogue/schema.js';

const reforms = loadReforms();
const NOW = new Date('2026-12-02T09:00:00+07:00');

function procedure(over: Partial<ProcedureEntry> = {}, kind: 'knowledge' | 'catalogue' = 'knowledge'): Procedure {
  const entry = procedureEntrySchema.parse({
    code: '1.000001', name: 'Thủ tục mẫu', field: 'Hộ tịch', levels: ['Cấp xã'], where: 'UBND cấp xã nơi cư trú',
    channels: [{ channel: 'in-person', time: '03 ngày làm việc', fee: 'Lệ phí 8.000 đồng' }],
    documentGroups: [{ case: null, documents: [{ name: 'Tờ khai', copies: '1 bản chính' }] }],
    legalBasis: [{ title: 'Luật Hộ tịch', number: '60/2014/QH13' }],
    online: { level: 'none', url: null },
    resultByPost: false,
    verification: [{ on: '2026-12-01', against: 'CSDL quốc gia về TTHC, bản ghi 1.000001', checked: ['documents', 'time', 'fee'] }],
    ...over,
  });
  return { ...entry, id: entry.code!, origin: { kind, path: 'x', declared: Object.keys({ online: 1, ...over }) } };
}
const kinds = (p: Procedure, now = NOW) => auditProcedures([p], reforms, now).map((f) => f.kind);

describe('kb audit', () => {
  it('finds nothing in a complete, current entry', () => {
    expect(kinds(procedure())).toEqual([]);
  });

  it.each<[string, Partial<ProcedureEntry>, FindingKind]>([
    ['no time', { channels: [{ channel: 'online', time: null, fee: 'Miễn phí', note: null }] }, 'no-time'],
    ['a bare number as time', { channels: [{ channel: 'online', time: '5', fee: 'Miễn phí', note: null }] }, 'time-without-unit'],
    ['no fee', { channels: [{ channel: 'online', time: '5 ngày', fee: null, note: null }] }, 'no-fee'],
    ['a fee that names a circular, not an amount', { channels: [{ channel: 'online', time: '5 ngày', fee: 'Theo Thông tư 244/2016/TT-BTC', note: null }] }, 'fee-without-amount'],
    ['"the portal says free"', { channels: [{ channel: 'online', time: '5 ngày', fee: 'Cổng Dịch vụ công ghi miễn phí', note: null }] }, 'fee-without-amount'],
    ['a district body as where to go', { where: 'UBND huyện nơi cư trú' }, 'outdated-body'],
    ['the household book as a document', { documentGroups: [{ case: null, documents: [{ name: 'Sổ hộ khẩu', copies: null, form: null }] }] }, 'outdated-document'],
    ['a replaced law', { legalBasis: [{ title: 'Luật Bảo hiểm xã hội', number: '58/2014/QH13' }] }, 'replaced-law'],
    ['no documents', { documentGroups: [] }, 'no-documents'],
    ['a channel without a time', { channels: [{ channel: 'in-person', time: '5 ngày làm việc', fee: 'Miễn phí', note: null }, { channel: 'post', time: null, fee: 'Miễn phí', note: null }] }, 'channel-without-time'],
    ['no place to file', { where: undefined }, 'no-where'],
    ['receiving by post not stated', { resultByPost: null }, 'no-post-receive'],
    ['no record of what was checked', { verification: [] }, 'unverified'],
    ['25 documents', { documentGroups: [{ case: null, documents: Array.from({ length: 25 }, (_, i) => ({ name: `Giấy tờ ${i}`, copies: null, form: null })) }] }, 'long-documents'],
  ])('flags %s', (_label, over, kind) => {
    expect(kinds(procedure(over))).toContain(kind);
  });

  it('does not flag a sentence that says the old document is history', () => {
    expect(kinds(procedure({ conditions: 'Không cần nộp sổ hộ khẩu; cơ quan tra cứu Cơ sở dữ liệu quốc gia về dân cư.' }))).toEqual([]);
  });

  it('flags a fee reduction ending within 60 days, and one that has ended, but not one far ahead', () => {
    const fee = 'Lệ phí 70.000 đồng/thẻ; từ 01/7/2025 đến hết 31/12/2026 chỉ thu 50% (35.000 đồng/thẻ)';
    const p = procedure({ channels: [{ channel: 'in-person', time: '7 ngày làm việc', fee, note: null }] });
    expect(kinds(p, new Date('2026-06-01T00:00:00Z'))).toEqual([]);
    expect(kinds(p, NOW)).toEqual(['fee-expiring']);
    expect(kinds(p, new Date('2027-01-05T00:00:00Z'))).toEqual(['fee-expiring']);
  });

  it('accepts a fee a People\'s Council sets when the entry says so', () => {
    const fee = [{ value: 'Do Hội đồng nhân dân tỉnh quy định, thường 50.000–100.000 đồng', setBy: 'province' as const }];
    expect(kinds(procedure({ channels: [{ channel: 'in-person', time: '5 ngày làm việc', fee, note: null }] }))).toEqual([]);
    const vague = [{ value: 'Theo nghị quyết của Hội đồng nhân dân tỉnh' }];
    expect(kinds(procedure({ channels: [{ channel: 'in-person', time: '5 ngày làm việc', fee: vague, note: null }] }))).toEqual(['fee-without-amount']);
  });

  it('flags a dated fee with nothing after its end date, not one with the next amount', () => {
    const reduced = { value: '25.000 đồng/thẻ', from: '2025-07-01', until: '2026-12-31', source: 'Thông tư 64/2025/TT-BTC' };
    const after = { value: '50.000 đồng/thẻ', from: '2027-01-01', source: 'Thông tư 59/2019/TT-BTC' };
    const channel = (fee: object[]) => ({ channels: [{ channel: 'in-person' as const, time: '7 ngày làm việc', fee: fee as never, note: null }] });
    expect(kinds(procedure(channel([reduced])))).toEqual(['fee-expiring']);
    expect(kinds(procedure(channel([reduced, after])))).toEqual([]);
  });

  it('warns (never fails) 60 days before a transitional decree the entry relies on ends', () => {
    const p = procedure({ legalBasis: [{ title: 'Nghị định phân cấp lĩnh vực đất đai', number: '151/2025/NĐ-CP' }] });
    expect(kinds(p, new Date('2026-12-03T00:00:00Z'))).toEqual([]);
    const [finding] = auditProcedures([p], reforms, new Date('2027-01-05T00:00:00Z'));
    expect(finding).toMatchObject({ kind: 'law-expiring', severity: 'warning' });
  });

  it('reports our entries as errors and catalogue records as warnings', () => {
    const findings = auditProcedures([procedure({ documentGroups: [] }), procedure({ documentGroups: [] }, 'catalogue')], reforms, NOW);
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning']);
  });
});

describe('kb audit over the bundled knowledge/', () => {
  // Today's date on purpose: a dated fee nearing its end with nothing after it must turn CI red.
  it('finds no error on any aspect an entry records as verified', async () => {
    const { loadKnowledgeDir } = await import('../src/catalogue/knowledgeLoader.js');
    const entries = await loadKnowledgeDir('knowledge');
    const byId = new Map(entries.map((p) => [p.id, p]));
    const findings = auditProcedures(entries, reforms, new Date()).filter((f) => f.severity === 'error' && contradictsVerification(byId.get(f.id)!, f));
    expect(findings.map((f) => `${f.id} ${f.kind}: ${f.detail}`)).toEqual([]);
    expect(entries.filter((p) => p.verification.length > 0).length).toBeGreaterThan(0);
  });

  it('counts a finding against an entry only where it claims that aspect verified', () => {
    const p = procedure({ channels: [{ channel: 'in-person', time: null, fee: 'Miễn phí', note: null }] });
    const [finding] = auditProcedures([p], reforms, NOW);
    expect(finding?.kind).toBe('no-time');
    expect(contradictsVerification(p, finding!)).toBe(true);
    const partly = { ...p, verification: [{ on: '2026-12-01', against: 'x', checked: ['fee' as const] }] };
    expect(contradictsVerification(partly, finding!)).toBe(false);
  });
});
