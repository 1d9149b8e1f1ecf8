import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../src/dossiers/calendar.js';
import { parseDossierCode } from '../src/dossiers/dossierCode.js';
import { createMessages } from '../src/messages.js';

const messages = createMessages({ locality: 'Trung tâm thử', hotline: '1900 1234' });
import { DossierService, GUARD_FILE } from '../src/dossiers/dossierService.js';
import { MAX_CODES_PER_HOUR, VerificationGuard } from '../src/security/verificationGuard.js';
import { EmbeddedDossierSource } from '../src/dossiers/embeddedSource.js';
import { HttpDossierSource } from '../src/dossiers/httpSource.js';
import type { Dossier } from '../src/dossiers/schema.js';
import { DossierSourceUnavailable } from '../src/dossiers/source.js';
import { dossierView, maskName } from '../src/dossiers/view.js';
import { createLogger } from '../src/logger.js';
import { tempDir } from './helpers.js';

describe('dossier codes', () => {
  it.each([
    ['000.00.15.H57-241120-0007', '000.00.15.H57-241120-0007'],
    ['000.00.15.h57-241120-0007', '000.00.15.H57-241120-0007'],
    ['000.00.15.H57 241120 0007', '000.00.15.H57-241120-0007'],
    ['000.00.15.H57.241120.0007', '000.00.15.H57-241120-0007'],
    ['OOO.OO.15.H57-24112O-OOO7', '000.00.15.H57-241120-0007'],
    ['cho em hỏi hồ sơ 000.00.15.H57-241120-0007 xong chưa ạ', '000.00.15.H57-241120-0007'],
    ['H56.14-250301-0123', 'H56.14-250301-0123'],
    ['mã h56.14 250301 0123 ạ', 'H56.14-250301-0123'],
    ['000 00 15 H57 - 241120 - 0007', '000.00.15.H57-241120-0007'],
  ])('%s → %s', (input, code) => {
    expect(parseDossierCode(input)).toMatchObject({ kind: 'code', code });
  });

  it.each([
    ['000.00.15.H57-241320-0007', /ngày tiếp nhận "241320" không phải ngày hợp lệ/],
    ['000.00.15.H57-240230-0007', /ngày tiếp nhận "240230"/],
    ['000.00.15.H57-241120-007', /số thứ tự "007" phải có đúng 4 chữ số/],
    ['000.00.15.H57-2411200007', /tách bằng dấu gạch ngang/],
    ['H57-241120', /cần đủ 3 phần/],
  ])('says what is wrong with %s', (input, problem) => {
    const parsed = parseDossierCode(input);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && messages.dossier.badCode(parsed.problem)).toMatch(problem);
  });

  it.each(['tôi muốn làm khai sinh', 'gọi 0912345678 giúp em', 'năm 2024 tôi nộp hồ sơ'])('finds no code in %s', (input) => {
    expect(parseDossierCode(input).kind).toBe('absent');
  });
});

describe('working days', () => {
  const calendar = new WorkingCalendar(new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-30', '2026-05-01']));
  const at = (s: string) => new Date(s);

  it('skips a weekend', () => {
    expect(calendar.workingDaysBetween(at('2026-03-06T16:00:00+07:00'), at('2026-03-09T09:00:00+07:00'))).toBe(1);
  });
  it('skips public holidays', () => {
    expect(calendar.workingDaysBetween(at('2026-04-29T10:00:00+07:00'), at('2026-05-04T10:00:00+07:00'))).toBe(1);
  });
  it('skips Tết', () => {
    expect(calendar.workingDaysBetween(at('2026-02-13T10:00:00+07:00'), at('2026-02-24T10:00:00+07:00'))).toBe(2);
  });
  it('uses Vietnam local dates, not UTC', () => {
    // 23:30 on Friday in Hanoi is still Friday; 06:00 Monday is Monday.
    expect(calendar.workingDaysBetween(at('2026-03-06T16:30:00Z'), at('2026-03-08T23:00:00Z'))).toBe(1);
  });
  it('loads the bundled holiday file with Tết 2026', () => {
    const bundled = WorkingCalendar.load();
    expect(bundled.isWorkingDay('2026-02-17')).toBe(false);
    expect(bundled.isWorkingDay('2026-02-23')).toBe(true);
    expect(bundled.isWorkingDay('2026-11-28')).toBe(false); // a Saturday
  });
});

const dossier = (over: Partial<Dossier> = {}): Dossier => ({
  code: '000.00.15.H57-241120-0007',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  agency: 'UBND phường A',
  receivedAt: '2026-11-16T08:00:00+07:00',
  dueAt: '2026-11-20T17:00:00+07:00',
  status: 4,
  statusNote: null,
  applicantName: 'Nguyễn Văn An',
  applicantPhone: '0912 345 678',
  missingDocuments: [],
  resultDelivery: null,
  updatedAt: '2026-11-20T08:00:00+07:00',
  ...over,
});

describe('the dossier view', () => {
  const calendar = new WorkingCalendar(new Set());
  it('masks the applicant name', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V** A*');
    expect(maskName('Lê Thị Hồng Nhung')).toBe('Lê T** H*** N****');
  });
  it('computes lateness in working days for an open dossier only', () => {
    const now = new Date('2026-11-24T10:00:00+07:00');
    expect(dossierView(dossier(), now, calendar).workingDaysLate).toBe(2);
    expect(dossierView(dossier({ status: 9 }), now, calendar).workingDaysLate).toBeNull();
    expect(dossierView(dossier({ dueAt: '2026-11-30T17:00:00+07:00' }), now, calendar).workingDaysLate).toBeNull();
  });
});

describe('the guarded lookup', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let now: Date;
  let service: DossierService;
  const records = new Map<string, Dossier>();
  const source = { find: async (code: string) => records.get(code) };
  const open = async (src: { find(code: string): Promise<Dossier | undefined> }) =>
    new DossierService(src, new WorkingCalendar(new Set()), await VerificationGuard.open(dir, GUARD_FILE, () => now), () => now);

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    now = new Date('2026-11-24T10:00:00+07:00');
    records.clear();
    records.set('000.00.15.H57-241120-0007', dossier());
    service = await open(source);
  });
  afterEach(() => cleanup());

  it('shows the dossier for the right last four digits', async () => {
    const r = await service.lookup('000.00.15.H57-241120-0007', '5678', 'conv-1');
    expect(r.kind).toBe('found');
  });

  it('answers a wrong answer and an unknown code the same way', async () => {
    expect(await service.lookup('000.00.15.H57-241120-0007', '1111', 'conv-1')).toEqual({ kind: 'not-verified' });
    expect(await service.lookup('000.00.15.H57-241120-0099', '5678', 'conv-1')).toEqual({ kind: 'not-verified' });
  });

  it('locks a code after three wrong answers in 24 hours, durably, and unlocks after', async () => {
    const code = '000.00.15.H57-241120-0007';
    await service.lookup(code, '0000', 'a');
    await service.lookup(code, '0001', 'b');
    expect(await service.lookup(code, '0002', 'c')).toEqual({ kind: 'locked' });
    expect(await service.lookup(code, '5678', 'd')).toEqual({ kind: 'locked' });
    const reopened = await open(source);
    expect(reopened.isLocked(code)).toBe(true);
    now = new Date(now.getTime() + 25 * 3_600_000);
    expect((await reopened.lookup(code, '5678', 'd')).kind).toBe('found');
  });

  it('lets a conversation try at most ten codes an hour', async () => {
    for (let i = 0; i < MAX_CODES_PER_HOUR; i++) await service.lookup(`000.00.15.H57-241120-00${10 + i}`, '5678', 'busy');
    expect(await service.lookup('000.00.15.H57-241120-0007', '5678', 'busy')).toEqual({ kind: 'rate-limited' });
    expect((await service.lookup('000.00.15.H57-241120-0007', '5678', 'other')).kind).toBe('found');
    now = new Date(now.getTime() + 61 * 60_000);
    expect((await service.lookup('000.00.15.H57-241120-0007', '5678', 'busy')).kind).toBe('found');
  });

  it('says the system is unavailable when the source fails', async () => {
    const failing = await open({ find: async () => { throw new DossierSourceUnavailable('down'); } });
    expect(await failing.lookup('000.00.15.H57-241120-0007', '5678', 'x')).toEqual({ kind: 'unavailable' });
  });
});

describe('the embedded source', () => {
  it('starts with the fictional demo dossiers and imports validated records', async () => {
    const { dir, cleanup } = await tempDir();
    const source = await EmbeddedDossierSource.open(dir, () => new Date('2026-11-24T10:00:00+07:00'));
    expect(source.codes()).toEqual(['X99.01-261116-0001', 'X99.01-261116-0002', 'X99.01-261116-0003', 'X99.01-261116-0004']);
    expect(await source.import([dossier({ code: '000.00.15.h57 241120 0007' })])).toBe(1);
    expect((await source.find('000.00.15.H57-241120-0007'))?.applicantName).toBe('Nguyễn Văn An');
    await expect(source.import([{ code: 'x' }])).rejects.toThrow();
    const reopened = await EmbeddedDossierSource.open(dir);
    expect(reopened.codes()).toHaveLength(5);
    await cleanup();
  });
});

describe('the HTTP source against a local one-stop system', () => {
  let server: http.Server;
  let base: string;
  const seen: Array<{ url?: string; auth?: string }> = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url, auth: req.headers.authorization });
      const code = decodeURIComponent((req.url ?? '').split('/dossiers/')[1] ?? '');
      if (code === 'SLOW-241120-0001') return void setTimeout(() => res.end('{}'), 1_000);
      if (code === 'FLAKY-241120-0001' && failuresLeft-- > 0) return void (res.writeHead(503), res.end());
      if (code === 'BROKEN-241120-0001') return void (res.writeHead(500), res.end());
      if (code === 'BAD-241120-0001') return void (res.writeHead(200, { 'content-type': 'application/json' }), res.end('{"code": 1}'));
      if (code === 'NONE-241120-0001') return void (res.writeHead(404), res.end());
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(dossier({ code })));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const source = () =>
    new HttpDossierSource({ baseUrl: base, token: 't0k3n', timeoutMs: 300, retries: 2, logger: createLogger('silent'), backoffMs: () => 5 });

  it('reads a dossier with the bearer token', async () => {
    const d = await source().find('000.00.15.H57-241120-0007');
    expect(d?.applicantName).toBe('Nguyễn Văn An');
    expect(seen.at(-1)).toEqual({ url: '/api/dossiers/000.00.15.H57-241120-0007', auth: 'Bearer t0k3n' });
  });
  it('answers undefined for 404', async () => {
    expect(await source().find('NONE-241120-0001')).toBeUndefined();
  });
  it('retries a failing system and succeeds when it recovers', async () => {
    failuresLeft = 2;
    expect((await source().find('FLAKY-241120-0001'))?.code).toBe('FLAKY-241120-0001');
  });
  it.each(['BROKEN-241120-0001', 'SLOW-241120-0001', 'BAD-241120-0001'])('reports %s as unavailable, without crashing', async (code) => {
    await expect(source().find(code)).rejects.toBeInstanceOf(DossierSourceUnavailable);
  });
});
