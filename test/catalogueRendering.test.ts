/**
 * Catalogue mode: what the national database says, rendered so it does not
 * mislead. Bare-number times, "Miễn phí (…)" over a real amount, "0 bản
 * chính" counts, and a district body named as where to go.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { Catalogue } from '../src/catalogue/catalogue.js';
import { catalogueCopies, catalogueFee, catalogueTime } from '../src/catalogue/catalogueLoader.js';
import { tempDir, testApp } from './helpers.js';
import { conversation } from './transcripts.js';

describe('catalogue import', () => {
  it('gives bare-number times their unit and says what is not known', () => {
    expect(catalogueTime('5')).toBe('5 ngày (không ghi rõ ngày làm việc hay ngày lịch)');
    expect(catalogueTime('05 ngày làm việc')).toBe('05 ngày làm việc');
    expect(catalogueTime(' ')).toBeNull();
  });

  it('reads the brackets of "Miễn phí (…)" as the fee when they give one', () => {
    expect(catalogueFee('Miễn phí (Lệ phí: 100.000 đồng/giấy phép)')).toBe('Lệ phí: 100.000 đồng/giấy phép');
    expect(catalogueFee('Miễn phí ((Miễn lệ phí. Phí cấp bản sao theo Thông tư 281/2016/TT-BTC.))')).toBe('Miễn lệ phí. Phí cấp bản sao theo Thông tư 281/2016/TT-BTC.');
    expect(catalogueFee('Miễn phí (Chưa quy định.)')).toBe('Miễn phí (Chưa quy định.)');
    expect(catalogueFee('Miễn phí')).toBe('Miễn phí');
  });

  it('drops zero counts from copies', () => {
    expect(catalogueCopies('0 bản chính, 1 bản sao')).toBe('1 bản sao');
    expect(catalogueCopies('0 bản chính')).toBeNull();
    expect(catalogueCopies('1 bản chính, 2 bản sao')).toBe('1 bản chính, 2 bản sao');
  });
});

describe('a catalogue record in the chat', () => {
  let app: App;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'catalogue.jsonl');
    await writeFile(file, `${JSON.stringify({
      code: '1.099999', name: 'Cấp giấy phép kinh doanh karaoke', url: 'https://dichvucong.gov.vn/p/9', levels: ['Cấp xã'], field: 'Văn hóa',
      agency: 'Ủy ban nhân dân cấp huyện', receivingAddress: 'Bộ phận một cửa UBND huyện', steps: ['Nộp hồ sơ'],
      channels: [{ channel: 'Trực tiếp', time: '5', fee: 'Miễn phí (Lệ phí: 6.000.000 đồng/giấy phép)', note: null }],
      documentGroups: [{ case: null, documents: [
        { name: 'Đơn đề nghị cấp giấy phép', template: null, copies: '1 bản chính' },
        { name: 'Bản sao giấy chứng nhận đăng ký kinh doanh', template: null, copies: '0 bản chính, 1 bản sao' },
      ] }],
      legalBasis: [], conditions: null, result: 'Giấy phép', decision: '1/QĐ',
    })}\n`);
    const t = await testApp({}, { catalogue: await Catalogue.load([file]) });
    cleanups.push(t.cleanup);
    app = t.app;
  });
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('shows the amount, a time with its unit, and who is in charge now instead of the district', async () => {
    const chat = conversation(app);
    const summary = await chat.say('cấp giấy phép kinh doanh karaoke');
    expect(summary.text).toContain('6.000.000 đồng');
    expect(summary.text).not.toMatch(/Miễn phí/);
    expect(summary.text).toContain('5 ngày');
    expect(summary.text).toMatch(/không còn sau sắp xếp bộ máy năm 2025\. Nay: Ủy ban nhân dân cấp xã/);
    const documents = await chat.say('cần giấy tờ gì');
    expect(documents.text).toContain('Bản sao giấy chứng nhận đăng ký kinh doanh — 1 bản sao');
    expect(documents.text).not.toContain('0 bản chính');
  });
});
