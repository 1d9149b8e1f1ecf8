import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogueFile } from '../src/catalogue/catalogueLoader.js';
import { AggregateKnowledgeError, KnowledgeError, loadKnowledgeDir, loadKnowledgeFile } from '../src/catalogue/knowledgeLoader.js';
import { loadSources } from '../src/catalogue/sources.js';
import { isStale } from '../src/catalogue/staleness.js';
import { knowledgeStats } from '../src/catalogue/stats.js';
import { tempDir } from './helpers.js';

const VALID = 'test/fixtures/knowledge-valid';
const CATALOGUE = 'test/fixtures/catalogue/mini.jsonl';

describe('knowledge folder', () => {
  it('loads a valid entry with defaults filled in', async () => {
    const [p] = await loadKnowledgeDir(VALID);
    expect(p).toMatchObject({ id: '1.000894', name: 'Đăng ký kết hôn', levels: ['Cấp xã'], steps: [], online: { level: 'none' } });
    expect(p!.origin.declared).toContain('aliases');
    expect(p!.origin.declared).not.toContain('steps');
  });

  it('loads every bundled entry, each with its national code', async () => {
    const procedures = await loadKnowledgeDir('knowledge');
    expect(procedures.length).toBeGreaterThanOrEqual(65);
    for (const p of procedures) expect(p.code, p.origin.path).toMatch(/^\d\.\d{6}$/);
  });

  describe('rejects invalid entries with the file, the field and the line', () => {
    let dir: string;
    let cleanup: () => Promise<void>;
    beforeAll(async () => ({ dir, cleanup } = await tempDir()));
    afterAll(() => cleanup());

    const base = ['name: Đăng ký kết hôn', 'field: Hộ tịch', 'levels: [Cấp xã]'];
    it.each([
      ['bad code', ['code: "1.0008"', ...base], /code: mã thủ tục quốc gia phải có dạng 1\.001193 \(dòng 1\)/],
      ['missing name', ['field: Hộ tịch', 'levels: [Cấp xã]'], /name: /],
      ['unknown level', ['name: X', 'field: Y', 'levels: [Cấp huyện]'], /levels\.0: .*\(dòng 3\)/],
      ['unknown key', [...base, 'fees: 100'], /fees|Unrecognized key/],
      ['wrong type', [...base, 'steps: "Bước 1"'], /steps: /],
      ['bad channel', [...base, 'channels:', '  - channel: fax'], /channels\.0\.channel: .*\(dòng 5\)/],
      ['bad date', [...base, 'verification:', '  - on: "24/11/2026"', '    against: bản ghi', '    checked: [fee]'], /verification\.0\.on: .*\(dòng 5\)/],
      ['the retired lastVerified stamp', [...base, 'lastVerified: "2026-11-24"'], /Unrecognized key.*lastVerified|lastVerified/],
      ['broken YAML', ['name: [unclosed', 'field: x'], /YAML không hợp lệ/],
    ])('%s', async (label, lines, message) => {
      const file = path.join(dir, `${label.replace(/\s/g, '-')}.yaml`);
      await writeFile(file, lines.join('\n'));
      const error = await loadKnowledgeFile(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KnowledgeError);
      expect((error as KnowledgeError).file).toBe(file);
      expect((error as KnowledgeError).message).toMatch(message);
    });

    it('reports every bad file of a folder at once', async () => {
      const error = await loadKnowledgeDir(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AggregateKnowledgeError);
      expect((error as AggregateKnowledgeError).errors.length).toBe(9);
    });
  });
});

describe('national catalogue format', () => {
  it('maps interchange records onto procedures', async () => {
    const [marriage, fisheries] = await loadCatalogueFile(CATALOGUE);
    expect(marriage).toMatchObject({
      id: '1.000894',
      agency: 'Ủy ban nhân dân cấp xã',
      channels: [
        { channel: 'in-person', time: '1 ngày (không ghi rõ ngày làm việc hay ngày lịch)', fee: [{ value: 'Miễn phí' }] },
        { channel: 'post', time: null, fee: null },
      ],
      documentGroups: [{ case: null, documents: [{ name: 'Tờ khai đăng ký kết hôn', form: 'Mẫu tờ khai.docx', copies: '1 bản chính' }] }],
      online: { level: 'none' },
      sourceUrl: 'https://dichvucong.gov.vn/p/1',
    });
    expect(fisheries).toMatchObject({ where: 'Sở Nông nghiệp và Môi trường', documentGroups: [], online: { level: 'unspecified' } });
  });

  it('reads gzip-compressed files', async () => {
    const { dir, cleanup } = await tempDir();
    const file = path.join(dir, 'c.jsonl.gz');
    const { readFile } = await import('node:fs/promises');
    await writeFile(file, gzipSync(await readFile(CATALOGUE)));
    expect(await loadCatalogueFile(file)).toHaveLength(2);
    await cleanup();
  });

  it('names the line of a bad record', async () => {
    const { dir, cleanup } = await tempDir();
    const file = path.join(dir, 'bad.jsonl');
    await writeFile(file, `${(await import('node:fs')).readFileSync(CATALOGUE, 'utf8').split('\n')[0]}\n{"code":"x"}\nnot json\n`);
    const error = (await loadCatalogueFile(file).catch((e: unknown) => e)) as KnowledgeError;
    expect(error).toBeInstanceOf(KnowledgeError);
    expect(error.message).toMatch(/dòng 2: name: /);
    expect(error.message).toMatch(/dòng 3: không phải JSON hợp lệ/);
    await cleanup();
  });
});

describe('overlay of several sources', () => {
  it('lets a knowledge entry enrich the catalogue record with the same code, field by field', async () => {
    const procedures = await loadSources([VALID, CATALOGUE]);
    expect(procedures).toHaveLength(2);
    const marriage = procedures.find((p) => p.id === '1.000894')!;
    expect(marriage.name).toBe('Đăng ký kết hôn'); // from knowledge
    expect(marriage.channels).toEqual([{ channel: 'in-person', time: 'Trong ngày làm việc', fee: [{ value: 'Miễn phí' }], note: null }]);
    expect(marriage.agency).toBe('Ủy ban nhân dân cấp xã'); // kept from the catalogue
    expect(marriage.steps).toEqual(['Bước 1: Nộp hồ sơ', 'Bước 2: Nhận kết quả']); // knowledge did not declare steps
    expect(marriage.origin.kind).toBe('knowledge');
  });

  it('fails clearly on a missing source', async () => {
    await expect(loadSources(['nowhere/at-all'])).rejects.toThrow(/không tìm thấy/);
  });
});

describe('staleness and stats', () => {
  const now = new Date('2026-11-24T00:00:00Z');
  it('flags entries verified longer ago than the limit, not imports without a date', () => {
    expect(isStale({ lastVerified: '2024-01-10' }, now, 365)).toBe(true);
    expect(isStale({ lastVerified: '2026-06-01' }, now, 365)).toBe(false);
    expect(isStale({ lastVerified: undefined }, now, 365)).toBe(false);
  });

  it('counts by field and level and lists what is missing', async () => {
    const stats = knowledgeStats(await loadSources([VALID, CATALOGUE]), { now, maxAgeDays: 365 });
    expect(stats.byField).toEqual({ 'Hộ tịch': 1, 'Thủy sản': 1 });
    expect(stats.byLevel).toEqual({ 'Cấp xã': 1, 'Cấp tỉnh': 1 });
    expect(stats.missing.documents).toEqual(['2.002338']);
    expect(stats.missing.stale).toEqual(['1.000894']);
    expect(stats.missing.unverified).toEqual(['2.002338']);
    expect(stats.missing.time).toEqual([]);
  });

  it('lists a procedure with no processing time', async () => {
    const [valid] = await loadSources([VALID]);
    const timeless = { ...valid!, id: '9.000009', channels: valid!.channels.map((c) => ({ ...c, time: null })) };
    expect(knowledgeStats([valid!, timeless], { now, maxAgeDays: 365 }).missing.time).toEqual(['9.000009']);
  });
});

describe('links in an entry', () => {
  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://example.gov.vn/a'])('refuses %s as a source or online link: pages render them as links', async (url) => {
    const { procedureEntrySchema } = await import('../src/catalogue/schema.js');
    const entry = { name: 'Đăng ký khai sinh', field: 'Hộ tịch', levels: ['Cấp xã'] };
    expect(procedureEntrySchema.safeParse({ ...entry, sourceUrl: url }).success).toBe(false);
    expect(procedureEntrySchema.safeParse({ ...entry, online: { level: 'full', url } }).success).toBe(false);
    expect(procedureEntrySchema.safeParse({ ...entry, sourceUrl: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193' }).success).toBe(true);
  });
});
