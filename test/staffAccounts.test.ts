/** Staff accounts, passwords and the audit export, without a server. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountError, normaliseUsername, StaffAccounts } from '../src/staff/accounts.js';
import { auditCsv } from '../src/staff/auditLog.js';
import { checkFeedback } from '../src/staff/feedbackFields.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../src/staff/passwords.js';
import { MAX_SESSIONS_PER_ACCOUNT, SessionStore } from '../src/staff/sessions.js';
import { MAX_CONCURRENT_HASHES, MAX_WAITING_SIGN_INS, SignIn, STAFF_GUARD_FILE } from '../src/staff/signIn.js';
import { VerificationGuard } from '../src/security/verificationGuard.js';
import type { Request } from 'restify';
import { isHttps, sessionCookie } from '../src/staff/staffAuth.js';
import { tempDir } from './helpers.js';

describe('passwords', () => {
  it('verifies the right password only, and never a malformed or dummy hash', async () => {
    const hash = await hashPassword('mật-khẩu-có-dấu-1');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('mật-khẩu-có-dấu-1', hash)).toBe(true);
    // The same text typed in decomposed Unicode (some keyboards) is the same password.
    expect(await verifyPassword('mật-khẩu-có-dấu-1'.normalize('NFD'), hash)).toBe(true);
    expect(await verifyPassword('mat-khau-co-dau-1', hash)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
    expect(await hashPassword('mật-khẩu-có-dấu-1')).not.toBe(hash);
  });
});

describe('accounts', () => {
  it.each([['An', 'an'], [' Le.Van_B ', 'le.van_b'], ['a', undefined], ['tên có dấu', undefined], ['x'.repeat(41), undefined]])('username %j → %j', (given, expected) => {
    expect(normaliseUsername(given)).toBe(expected);
  });

  it('refuses a duplicate, a short password and an unknown account, in Vietnamese', async () => {
    const { dir, cleanup } = await tempDir();
    const accounts = await StaffAccounts.open(dir);
    await accounts.add('an', 'staff', 'mat-khau-du-dai');
    await expect(accounts.add('AN', 'admin', 'mat-khau-du-dai')).rejects.toThrow(AccountError);
    await expect(accounts.add('binh', 'staff', 'ngan')).rejects.toThrow(/ít nhất 10 ký tự/);
    await expect(accounts.disable('khongco')).rejects.toThrow(/Không có tài khoản/);
    expect((await accounts.disable('an')).disabled).toBe(true);
    expect((await accounts.resetPassword('an', 'mat-khau-moi-dai')).disabled).toBe(false);
    expect((await accounts.list()).map((a) => a.username)).toEqual(['an']);
    // Password hashes are for the service's own user only.
    expect((await stat(path.join(dir, 'staff.json'))).mode & 0o777).toBe(0o600);
    await accounts.close();
    await cleanup();
  });
});

describe('the audit export', () => {
  it('quotes separators and defuses cells a spreadsheet would run as formulas', () => {
    const csv = auditCsv([{ at: '2026-12-05T01:00:00.000Z', username: 'an', action: 'dossier-lookup', code: '=HYPERLINK("x")', reason: 'caller-verified', address: '127.0.0.1', found: true }]);
    expect(csv.split('\r\n')[1]).toBe(`2026-12-05T01:00:00.000Z,an,dossier-lookup,"'=HYPERLINK(""x"")",caller-verified,127.0.0.1,true`);
  });
});

describe('feedback taken down by an operator', () => {
  const fields = { content: 'Hồ sơ đăng ký khai sinh của tôi đã trễ hẹn một tuần mà không ai báo lý do.', related: '', name: 'trần an', address: 'Số 1 ngõ 2, phường Mẫu, tỉnh Thử', phone: '0912345678', email: '', consent: true };
  it('needs consent, reports every bad field at once, and normalises the good ones', () => {
    expect(checkFeedback({ ...fields, consent: false })).toEqual({ kind: 'no-consent' });
    expect(checkFeedback({ ...fields, name: 'An', phone: '123', email: 'khong-phai-email' })).toEqual({ kind: 'invalid', problems: { name: 'name-full', phone: 'phone-format', email: 'email-format' } });
    expect(checkFeedback(fields)).toMatchObject({ kind: 'ok', draft: { name: 'Trần An', email: '' } });
  });
});

describe('sessions', () => {
  it(`keep at most ${MAX_SESSIONS_PER_ACCOUNT} per account, the oldest making room`, () => {
    const store = new SessionStore({ idleMs: 60_000, absoluteMs: 3_600_000 }, () => new Date('2026-12-05T08:00:00Z'));
    const account = { username: 'an', role: 'staff' as const, passwordHash: 'h', disabled: false, createdAt: '', passwordChangedAt: '' };
    const tokens = Array.from({ length: MAX_SESSIONS_PER_ACCOUNT + 1 }, () => store.create(account).token);
    expect(store.size).toBe(MAX_SESSIONS_PER_ACCOUNT);
    expect(store.touch(tokens[0])).toBeUndefined();
    expect(store.touch(tokens.at(-1))?.username).toBe('an');
  });
});

describe('sign-in under load', () => {
  async function signInService(perAddressPerMinute: number) {
    const { dir, cleanup } = await tempDir();
    const accounts = await StaffAccounts.open(dir);
    await accounts.add('an', 'staff', 'mat-khau-du-dai');
    const clock = () => new Date('2026-12-05T08:00:00Z');
    const signIn = new SignIn(accounts, await VerificationGuard.open(dir, STAFF_GUARD_FILE, clock), { failureDelayMs: 0, perAddressPerMinute }, clock);
    return { signIn, done: async () => { await accounts.close(); await cleanup(); } };
  }

  it('limits the requests of one address a minute before any hashing', async () => {
    const { signIn, done } = await signInService(3);
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await signIn.attempt('an', 'mat-khau-du-dai', '10.0.0.1')).kind);
    expect(results).toEqual(['signed-in', 'signed-in', 'signed-in', 'rate-limited']);
    expect((await signIn.attempt('an', 'mat-khau-du-dai', '10.0.0.2')).kind).toBe('signed-in');
    await done();
  });

  it(`hashes ${MAX_CONCURRENT_HASHES} at a time, queues ${MAX_WAITING_SIGN_INS} and tells the rest to retry`, async () => {
    const { signIn, done } = await signInService(1000);
    const extra = 5;
    const all = await Promise.all(Array.from({ length: MAX_CONCURRENT_HASHES + MAX_WAITING_SIGN_INS + extra }, (_, i) => signIn.attempt('an', 'mat-khau-du-dai', `10.0.1.${i}`)));
    expect(all.filter((r) => r.kind === 'busy')).toHaveLength(extra);
    expect(all.filter((r) => r.kind === 'signed-in')).toHaveLength(MAX_CONCURRENT_HASHES + MAX_WAITING_SIGN_INS);
    // The slots were all given back.
    expect((await signIn.attempt('an', 'mat-khau-du-dai', '10.0.2.1')).kind).toBe('signed-in');
    await done();
  }, 30_000);
});

describe('the session cookie', () => {
  const request = (secure: boolean, proto?: string) => ({ isSecure: () => secure, header: (name: string) => (name === 'x-forwarded-proto' ? proto : undefined) }) as unknown as Request;
  it.each<[string, boolean, string | undefined, boolean, boolean]>([
    ['plain HTTP', false, undefined, false, false],
    ['HTTPS', true, undefined, false, true],
    ['HTTPS at a trusted proxy', false, 'https', true, true],
    ['a client claiming HTTPS without a trusted proxy', false, 'https', false, false],
  ])('%s → Secure %s', (_label, secure, proto, trustProxy, expected) => {
    const cookie = sessionCookie('t0k3n', 43_200, isHttps(request(secure, proto), trustProxy));
    expect(cookie).toContain('HttpOnly; SameSite=Strict; Max-Age=43200');
    expect(cookie.endsWith('; Secure')).toBe(expected);
  });
});
