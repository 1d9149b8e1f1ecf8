/**
 * Sign-in with the lockout rules of every other lookup (VerificationGuard):
 * three wrong passwords for a name within a day lock it, one address may try
 * at most ten names an hour, and the attempt is counted before the password
 * is checked, so guesses sent at once cannot all get through. A failure is
 * answered only after a pause, and an unknown name, a disabled account, a
 * wrong password and a locked name all get the same answer after the same
 * work. A new password (staff reset-password) starts a fresh count.
 */
import type { VerificationGuard } from '../security/verificationGuard.js';
import type { StaffAccount, StaffAccounts } from './accounts.js';
import { credentialTag, normaliseUsername } from './accounts.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';

export const STAFF_GUARD_FILE = 'staff-guard.json';

export type SignInResult = { kind: 'signed-in'; account: StaffAccount } | { kind: 'refused' } | { kind: 'rate-limited' };

export class SignIn {
  constructor(
    private readonly accounts: StaffAccounts,
    private readonly guard: VerificationGuard,
    /** How long a refusal waits before it is answered. */
    private readonly failureDelayMs = 1000,
  ) {}

  async attempt(username: string, password: string, address: string): Promise<SignInResult> {
    const key = normaliseUsername(username) ?? '?';
    const account = await this.accounts.find(key);
    // Keyed by the password too: a reset lifts the lock without touching this process's guard.
    const lock = `staff:${key}:${credentialTag(account)}`;
    const admission = await this.guard.admit(lock, address);
    if (admission === 'rate-limited') return this.refuse({ kind: 'rate-limited' });
    const matches = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (admission === 'locked' || !account || account.disabled || !matches) return this.refuse({ kind: 'refused' });
    await this.guard.succeed(lock);
    return { kind: 'signed-in', account };
  }

  private async refuse(result: SignInResult): Promise<SignInResult> {
    await new Promise((resolve) => setTimeout(resolve, this.failureDelayMs));
    return result;
  }
}
