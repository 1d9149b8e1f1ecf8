/**
 * Staff accounts (hotline operators and administrators) in one shared JSON
 * file: the CLI adds, disables and resets while the server runs, and the
 * server re-reads the file (a stat, a read only when it changed) before every
 * sign-in and session check, so a new account signs in at once and a disabled
 * one is out at its next request.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { SharedJSONFile } from '../storage/sharedFile.js';
import { hashPassword, passwordProblem } from './passwords.js';

export const STAFF_FILE = 'staff.json';
export const ROLES = ['staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface StaffAccount {
  username: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

/**
 * Names the account's current password (its hash is freshly salted at every
 * reset): sessions and sign-in locks tied to an older tag no longer count.
 */
export function credentialTag(account: Pick<StaffAccount, 'passwordHash'> | undefined): string {
  return account ? createHash('sha256').update(account.passwordHash).digest('base64url').slice(0, 16) : '';
}

interface StaffData {
  accounts: Record<string, StaffAccount>;
}

export class AccountError extends Error {}

/** Letters, digits, dot, dash and underscore; compared without case. */
export function normaliseUsername(name: string): string | undefined {
  const value = name.trim().toLowerCase();
  return /^[a-z0-9._-]{2,40}$/.test(value) ? value : undefined;
}

export class StaffAccounts {
  private constructor(
    private readonly file: SharedJSONFile<StaffData>,
    private readonly clock: () => Date,
  ) {}

  static async open(dataDir: string, clock: () => Date = () => new Date()): Promise<StaffAccounts> {
    return new StaffAccounts(await SharedJSONFile.open<StaffData>(path.join(dataDir, STAFF_FILE), { accounts: {} }), clock);
  }

  /** The account as on disk now (after another process's change). */
  async find(username: string): Promise<StaffAccount | undefined> {
    await this.file.refresh();
    const key = normaliseUsername(username);
    return key ? this.file.data.accounts[key] : undefined;
  }

  async list(): Promise<StaffAccount[]> {
    await this.file.refresh();
    return Object.values(this.file.data.accounts).sort((a, b) => a.username.localeCompare(b.username));
  }

  async add(username: string, role: Role, password: string): Promise<StaffAccount> {
    const key = this.checkedName(username);
    const passwordHash = await this.checkedHash(password);
    const at = this.clock().toISOString();
    return this.file.update((data) => {
      if (data.accounts[key]) throw new AccountError(`Tài khoản "${key}" đã có.`);
      const account: StaffAccount = { username: key, role, passwordHash, disabled: false, createdAt: at, passwordChangedAt: at };
      data.accounts[key] = account;
      return account;
    });
  }

  disable(username: string): Promise<StaffAccount> {
    return this.change(username, (a) => ({ ...a, disabled: true }));
  }

  /** A new password; enables a disabled account, ends its sessions and lifts its sign-in lock. */
  async resetPassword(username: string, password: string): Promise<StaffAccount> {
    const passwordHash = await this.checkedHash(password);
    const at = this.clock().toISOString();
    return this.change(username, (a) => ({ ...a, passwordHash, disabled: false, passwordChangedAt: at }));
  }

  close(): Promise<void> {
    return this.file.close();
  }

  private change(username: string, edit: (a: StaffAccount) => StaffAccount): Promise<StaffAccount> {
    const key = this.checkedName(username);
    return this.file.update((data) => {
      const current = data.accounts[key];
      if (!current) throw new AccountError(`Không có tài khoản "${key}".`);
      return (data.accounts[key] = edit(current));
    });
  }

  private checkedName(username: string): string {
    const key = normaliseUsername(username);
    if (!key) throw new AccountError('Tên đăng nhập gồm 2–40 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.');
    return key;
  }

  private async checkedHash(password: string): Promise<string> {
    const problem = passwordProblem(password);
    if (problem) throw new AccountError(problem);
    return hashPassword(password);
  }
}
