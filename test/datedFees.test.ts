/**
 * Dated fees: the amount in force on the day of the answer (Vietnamese
 * calendar day), never an expired one; the province profile's amount for a
 * fee its People's Council sets. Clocks are injected; the chat is real.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalogue } from '../src/catalogue/catalogue.js';
import { feeOn } from '../src/catalogue/fees.js';
import type { FeeValue } from '../src/catalogue/schema.js';
import { tempDir, testApp } from './helpers.js';
import { conversation } from './transcripts.js';

const REDUCED: FeeValue = { value: '25.000 đồng/thẻ', from: '2025-07-01', until: '2026-12-31', source: 'Thông tư 64/2025/TT-BTC' };
const FULL: FeeValue = { value: '50.000 đồng/thẻ', from: '2027-01-01', source: 'Thông tư 59/2019/TT-BTC' };

describe('feeOn', () => {
  it('gives the reduced amount up to and on its last day, the full one the day after', () => {
    expect(feeOn([REDUCED, FULL], '2026-12-03')).toMatchObject({ kind: 'amount', value: '25.000 đồng/thẻ', until: '2026-12-31' });
    expect(feeOn([REDUCED, FULL], '2026-12-31')).toMatchObject({ kind: 'amount', value: '25.000 đồng/thẻ' });
    expect(feeOn([REDUCED, FULL], '2027-01-01')).toMatchObject({ kind: 'amount', value: '50.000 đồng/thẻ', until: undefined });
  });

  it('says the amount is not known once every value has ended', () => {
    expect(feeOn([REDUCED], '2027-01-01')).toEqual({ kind: 'ended', since: '2027-01-01' });
    expect(feeOn([REDUCED], '2027-03-15')).toEqual({ kind: 'ended', since: '2027-01-01' });
  });

  it('uses the province profile only for a fee the province sets', () => {
    const general: FeeValue[] = [{ value: 'Do HĐND tỉnh quy định, thường 50.000–100.000 đồng', setBy: 'province' }];
    const local: FeeValue[] = [{ value: '75.000 đồng', source: 'Nghị quyết 12/2025/NQ-HĐND' }];
    expect(feeOn(general, '2026-12-03', local)).toMatchObject({ value: '75.000 đồng', provincial: true, general: general[0]!.value });
    expect(feeOn(general, '2026-12-03')).toMatchObject({ value: general[0]!.value, provincial: false });
    expect(feeOn([FULL], '2027-02-01', local)).toMatchObject({ value: FULL.value, provincial: false });
  });
});

describe('a dated fee in the chat', () => {
  let cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(cleanups.map((c) => c()));
    cleanups = [];
  });

  async function chatAt(instant: string, fee: FeeValue[], env: Record<string, string> = {}) {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const knowledge = path.join(dir, 'knowledge');
    await mkdir(knowledge);
    await writeFile(path.join(knowledge, '9.000001-the-mau.yaml'), JSON.stringify({
      code: '9.000001', name: 'Cấp đổi thẻ mẫu', field: 'Căn cước', levels: ['Cấp xã'], where: 'Công an xã, phường',
      aliases: ['đổi thẻ mẫu'], channels: [{ channel: 'in-person', time: '07 ngày làm việc', fee }],
      documentGroups: [{ documents: [{ name: 'Tờ khai' }] }], resultByPost: true,
      verification: [{ on: '2026-12-03', against: 'bản ghi mẫu', checked: ['fee'] }],
    }));
    const { app, cleanup: appCleanup } = await testApp(env, { clock: () => new Date(instant), catalogue: await Catalogue.load([knowledge]) });
    cleanups.push(appCleanup);
    return (await conversation(app).say('đổi thẻ mẫu mất bao nhiêu tiền')).text;
  }

  it('shows the reduction and its end date until the last evening, in Vietnam time', async () => {
    const text = await chatAt('2026-12-31T23:30:00+07:00', [REDUCED, FULL]);
    expect(text).toContain('25.000 đồng/thẻ');
    expect(text).toContain('31/12/2026');
    expect(text).not.toContain('50.000');
  });

  it('shows the full amount from the first of January (16:30 UTC the day before)', async () => {
    const text = await chatAt('2026-12-31T17:30:00Z', [REDUCED, FULL]);
    expect(text).toContain('50.000 đồng/thẻ');
    expect(text).not.toContain('25.000');
  });

  it('never shows an expired amount: says it changed and where to ask', async () => {
    const text = await chatAt('2027-01-02T09:00:00+07:00', [REDUCED]);
    expect(text).not.toContain('25.000');
    expect(text).toContain('01/01/2027');
    expect(text).toContain('1900 1234');
  });

  it('shows the province\'s own amount and its resolution', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const profile = path.join(dir, 'province.yaml');
    await writeFile(profile, 'province: Tỉnh Mẫu\nfees:\n  "9.000001":\n    - value: 30.000 đồng\n      source: Nghị quyết 05/2025/NQ-HĐND\n');
    const text = await chatAt('2026-12-03T09:00:00+07:00', [{ value: 'Do HĐND tỉnh quy định, thường 20.000–50.000 đồng', setBy: 'province' }], { PROVINCE_PROFILE: profile });
    expect(text).toContain('30.000 đồng');
    expect(text).toContain('Nghị quyết 05/2025/NQ-HĐND');
    // The entry's general text (who sets it, what else is paid) stays: the province only gives the amount.
    expect(text).toContain('Quy định chung: Do HĐND tỉnh quy định');
  });
});

describe('the example province profile', () => {
  it('loads', async () => {
    const { loadProvinceProfile } = await import('../src/catalogue/provinceProfile.js');
    const profile = await loadProvinceProfile('docs/province-profile.example.yaml');
    expect(profile.fees.get('1.001022')?.[0]?.source).toMatch(/NQ-HĐND/);
  });

  it('refuses a provincial amount without its resolution', async () => {
    const { loadProvinceProfile } = await import('../src/catalogue/provinceProfile.js');
    const { dir, cleanup } = await tempDir();
    const file = path.join(dir, 'p.yaml');
    await writeFile(file, 'province: Tỉnh Mẫu\nfees:\n  "1.001022":\n    - value: 10.000 đồng\n');
    await expect(loadProvinceProfile(file)).rejects.toThrow(/source/);
    await cleanup();
  });
});
