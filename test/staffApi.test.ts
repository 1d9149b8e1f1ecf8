/**
 * The staff console's API over HTTP on loopback: sign-in and its lockout,
 * sessions (expiry, sign-out, a disabled account), CSRF, roles, the instant
 * search, the audited dossier lookup and feedback recorded for a caller.
 */
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDeps, type App } from '../src/app.js';
import { DEMO_CODES } from '../src/dossiers/demo.js';
import { createServer } from '../src/server.js';
import { FIXED_NOW, testApp } from './helpers.js';

const run = promisify(execFile);
const PASSWORD = 'mat-khau-tong-dai-1022';
let app: App;
let dir: string;
let cleanup: () => Promise<void>;
let server: Server;
let base: string;
let now = FIXED_NOW;

beforeAll(async () => {
  ({ app, dir, cleanup } = await testApp({ STAFF_SESSION_IDLE_MINUTES: '30', STAFF_SESSION_MAX_HOURS: '12', STAFF_SIGN_INS_PER_MINUTE: '1000' }, { clock: () => now, staffSignInDelayMs: 20 }));
  await app.staff.accounts.add('an', 'staff', PASSWORD);
  await app.staff.accounts.add('quantri', 'admin', PASSWORD);
  server = createServer(serverDeps(app));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await cleanup();
});

interface Session { cookie: string; csrf: string; role: string }

async function call(method: string, path: string, options: { session?: Session; body?: unknown; csrf?: string | null; headers?: Record<string, string> } = {}) {
  const { session, body } = options;
  const csrf = options.csrf === undefined ? session?.csrf : options.csrf;
  const res = await fetch(`${base}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(session ? { cookie: session.cookie } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
      ...options.headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, json, text, headers: res.headers };
}

async function signIn(username: string, password = PASSWORD): Promise<Session> {
  const res = await call('POST', '/api/staff/session', { body: { username, password } });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return { cookie: cookie.split(';')[0]!, csrf: res.json.csrfToken, role: res.json.role };
}

const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/api/staff/session'], ['DELETE', '/api/staff/session'], ['GET', '/api/staff/search?q=khai%20sinh'], ['GET', '/api/staff/procedures/1.001193'],
  ['POST', '/api/staff/dossiers/lookup', { code: DEMO_CODES[0], reason: 'caller-verified' }], ['POST', '/api/staff/feedback', {}],
  ['GET', '/api/staff/feedback/PAKN-261124-0001'], ['GET', '/api/staff/unanswered'], ['GET', '/api/staff/audit'],
];

describe('without a session', () => {
  it.each(ROUTES)('%s %s answers 401', async (method, path, body) => {
    expect((await call(method, path, { body })).status).toBe(401);
  });

  it.each([['a forged cookie', 'staff_session=forged-token-value'], ['no cookie value', 'staff_session='], ['a malformed escape', 'staff_session=%']])('%s gets 401, and the page a redirect', async (_label, cookie) => {
    const session = { cookie, csrf: 'x', role: 'staff' };
    expect((await call('GET', '/api/staff/search?q=a', { session })).status).toBe(401);
    expect((await call('GET', '/staff', { session })).status).toBe(302);
  });

  it('the console page redirects to sign-in; the sign-in page is served', async () => {
    const page = await call('GET', '/staff');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/staff/sign-in');
    expect((await call('GET', '/staff/console.js')).status).toBe(302);
    const signInPage = await call('GET', '/staff/sign-in');
    expect(signInPage.text).toContain('Đăng nhập');
    expect(signInPage.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('sign-in', () => {
  it('gives the same answer for an unknown name and a wrong password, and locks a name after three wrong ones', async () => {
    const unknown = await call('POST', '/api/staff/session', { body: { username: 'khongco', password: 'sai-mat-khau-1' } });
    const wrong = await call('POST', '/api/staff/session', { body: { username: 'quantri', password: 'sai-mat-khau-1' } });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    await call('POST', '/api/staff/session', { body: { username: 'quantri', password: 'sai-mat-khau-2' } });
    await call('POST', '/api/staff/session', { body: { username: 'quantri', password: 'sai-mat-khau-3' } });
    // Locked now: the right password is refused too, with the same answer.
    const locked = await call('POST', '/api/staff/session', { body: { username: 'quantri', password: PASSWORD } });
    expect(locked.status).toBe(401);
    expect(locked.json).toEqual(unknown.json);
    // A new password lifts the lock.
    await app.staff.accounts.resetPassword('quantri', PASSWORD);
    expect((await signIn('quantri')).role).toBe('admin');
  });

  it('guesses sent at once lock the name as guesses one by one do', async () => {
    await app.staff.accounts.add('binh', 'staff', PASSWORD);
    const guesses = await Promise.all(Array.from({ length: 10 }, (_, i) => call('POST', '/api/staff/session', { body: { username: 'binh', password: `sai-${i}-mat-khau` } })));
    expect(guesses.every((g) => g.status === 401)).toBe(true);
    expect((await call('POST', '/api/staff/session', { body: { username: 'binh', password: PASSWORD } })).status).toBe(401);
  });

  it('an account added with the CLI while the server runs signs in at once', async () => {
    const child = run('node_modules/.bin/tsx', ['src/cli/staff.ts', 'add', 'chi', '--role', 'staff'], { env: { ...process.env, DATA_DIR: dir } });
    child.child.stdin!.end(`${PASSWORD}\n`);
    expect((await child).stdout).toContain('Đã tạo tài khoản chi');
    expect((await signIn('chi')).role).toBe('staff');
  });

  it('lets more operators behind one office address sign in than the hourly limit on names tried', async () => {
    for (let i = 1; i <= 12; i++) await app.staff.accounts.add(`ca${i}`, 'staff', PASSWORD);
    for (let i = 1; i <= 12; i++) expect((await signIn(`ca${i}`)).role).toBe('staff');
  });

  it('refuses a malformed body with 400', async () => {
    expect((await call('POST', '/api/staff/session', { body: ['an'] })).status).toBe(400);
  });
});

describe('a session', () => {
  it('ends with sign-out, after the idle time, and when the account is disabled', async () => {
    const first = await signIn('an');
    expect((await call('GET', '/api/staff/session', { session: first })).json.username).toBe('an');
    expect((await call('DELETE', '/api/staff/session', { session: first })).status).toBe(204);
    expect((await call('GET', '/api/staff/session', { session: first })).status).toBe(401);

    const idle = await signIn('an');
    now = new Date(FIXED_NOW.getTime() + 31 * 60_000);
    expect((await call('GET', '/api/staff/session', { session: idle })).status).toBe(401);
    now = FIXED_NOW;

    // Kept busy, a session still ends at its absolute expiry (12 h).
    const busy = await signIn('an');
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      now = new Date(FIXED_NOW.getTime() + minutes * 60_000);
      expect((await call('GET', '/api/staff/session', { session: busy })).status).toBe(200);
    }
    now = new Date(FIXED_NOW.getTime() + 12 * 3_600_000);
    expect((await call('GET', '/api/staff/session', { session: busy })).status).toBe(401);
    now = FIXED_NOW;

    await app.staff.accounts.add('dung', 'staff', PASSWORD);
    const doomed = await signIn('dung');
    await app.staff.accounts.disable('dung');
    expect((await call('GET', '/api/staff/search?q=a', { session: doomed })).status).toBe(401);
  });

  it('refuses a change without the CSRF token or from another origin', async () => {
    const s = await signIn('an');
    const body = { code: DEMO_CODES[0], reason: 'caller-verified' };
    expect((await call('POST', '/api/staff/dossiers/lookup', { session: s, body, csrf: null })).status).toBe(403);
    expect((await call('POST', '/api/staff/dossiers/lookup', { session: s, body, csrf: 'wrong' })).status).toBe(403);
    expect((await call('POST', '/api/staff/dossiers/lookup', { session: s, body, headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });
});

describe('the console', () => {
  it('searches as the operator types and shows a procedure with its script', async () => {
    const s = await signIn('an');
    const { json } = await call('GET', `/api/staff/search?q=${encodeURIComponent('mat bang lai')}`, { session: s });
    expect(json.results[0]).toMatchObject({ id: expect.any(String), name: expect.stringMatching(/lái xe/i) });
    expect((await call('GET', '/api/staff/search?q=', { session: s })).json.results).toEqual([]);

    const detail = await call('GET', '/api/staff/procedures/1.001193', { session: s });
    expect(detail.json.title).toContain('Đăng ký khai sinh');
    expect(detail.json.sections.map((x: { aspect: string }) => x.aspect)).toEqual(expect.arrayContaining(['documents', 'steps', 'fee', 'time', 'where', 'legal']));
    expect(detail.json.script).toMatch(/^Dạ, về thủ tục Đăng ký khai sinh:/);
    expect(detail.json.script).toContain('một là');
    expect(detail.json.script).not.toMatch(/[•*]/);
    expect((await call('GET', '/api/staff/procedures/9.999999', { session: s })).status).toBe(404);
  });

  it('looks a dossier up for a stated reason, writes the audit log, which only an admin reads', async () => {
    const staff = await signIn('an');
    expect((await call('POST', '/api/staff/dossiers/lookup', { session: staff, body: { code: DEMO_CODES[1], reason: 'because' } })).status).toBe(400);
    const found = await call('POST', '/api/staff/dossiers/lookup', { session: staff, body: { code: DEMO_CODES[1], reason: 'receipt-at-desk' } });
    expect(found.status).toBe(200);
    expect(found.json.dossier).toMatchObject({ code: DEMO_CODES[1], maskedName: 'Trần T** T**', missingDocuments: ['Hợp đồng thuê nhà có chữ ký của chủ nhà'] });
    expect(JSON.stringify(found.json)).not.toContain('0900006789');
    expect((await call('POST', '/api/staff/dossiers/lookup', { session: staff, body: { code: 'X99.01-261116-0099', reason: 'caller-verified' } })).status).toBe(404);

    expect((await call('GET', '/api/staff/audit', { session: staff })).status).toBe(403);
    const admin = await signIn('quantri');
    const audit = await call('GET', '/api/staff/audit', { session: admin });
    expect(audit.json.entries[1]).toMatchObject({ username: 'an', action: 'dossier-lookup', code: DEMO_CODES[1], reason: 'receipt-at-desk', address: '127.0.0.1', found: true });
    expect(audit.json.entries[0]).toMatchObject({ code: 'X99.01-261116-0099', found: false });
    const csv = await call('GET', '/api/staff/audit?format=csv', { session: admin });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('at,username,action,code,reason,address,found');
  });

  it('records feedback for a caller with consent, once per draft, and shows its status', async () => {
    const s = await signIn('an');
    const fields = {
      content: 'Cán bộ một cửa yêu cầu nộp thêm giấy xác nhận cư trú không có trong quy định khi đăng ký khai sinh.',
      related: 'Đăng ký khai sinh', name: 'nguyễn thị hoa', address: 'Số 3 ngõ 7, phường Mẫu, tỉnh Thử', phone: '0912 345 678', email: '',
    };
    expect((await call('POST', '/api/staff/feedback', { session: s, body: { ...fields, consent: false } })).status).toBe(400);
    const invalid = await call('POST', '/api/staff/feedback', { session: s, body: { ...fields, phone: '12', consent: true } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.problems.phone).toMatch(/Số điện thoại/);
    const long = await call('POST', '/api/staff/feedback', { session: s, body: { ...fields, content: 'Trễ hẹn nhiều ngày. '.repeat(400), consent: true } });
    expect(long.json.problems.content).toMatch(/dài quá 4000 ký tự/);
    expect((await call('POST', '/api/staff/feedback', { session: s, body: { ...fields, consent: 'yes' } })).json.error).toMatch(/chưa đồng ý/);
    const badDraft = await call('POST', '/api/staff/feedback', { session: s, body: { ...fields, consent: true, draftId: 'x' } });
    expect(badDraft.status).toBe(400);
    expect(badDraft.json.error).toMatch(/draftId/);
    expect((await call('POST', '/api/staff/feedback', { session: s, body: { ...fields, phone: 12, consent: true } })).json.error).toMatch(/Số điện thoại/);

    const draftId = '7d0f1f7e-3b7a-4c8e-9a56-1f2e3d4c5b6a';
    const created = await call('POST', '/api/staff/feedback', { session: s, body: { ...fields, consent: true, draftId } });
    expect(created.status).toBe(201);
    expect(created.json.script).toContain('mã theo dõi');
    const again = await call('POST', '/api/staff/feedback', { session: s, body: { ...fields, consent: true, draftId } });
    expect(again.json.code).toBe(created.json.code);
    const stored = app.complaintStore.get(created.json.code)!;
    expect(stored).toMatchObject({ channel: 'hotline', name: 'Nguyễn Thị Hoa', phone: '0912345678' });

    const status = await call('GET', `/api/staff/feedback/${created.json.code}`, { session: s });
    expect(status.json).toMatchObject({ code: created.json.code, statusLabel: 'Đã tiếp nhận', channel: 'hotline' });
    expect(status.json.phone).toBeUndefined();
    expect((await call('GET', '/api/staff/feedback/PAKN-261124-0999', { session: s })).status).toBe(404);
    expect((await call('GET', '/api/staff/feedback/xyz', { session: s })).status).toBe(400);
  });
});
