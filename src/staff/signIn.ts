/**
 * Sign-in with the lockout rules of every other lookup (VerificationGuard):
 * three wrong passwords for a name within a day lock it, one address may try
 * at most ten names an hour without success, and the attempt is counted
 * before the password is checked, so guesses sent at once cannot all get
 * through. A refusal is answered only after a pause, and an unknown name, a
 * disabled account, a wrong password and a locked name all get the same
 * answer (unknown names lock the same way, so skipping the hash for a locked
 * one tells nothing). A new password (staff reset-password) starts a fresh count.
 *
 * Hashing is expensive on purpose (scrypt, 32 MiB), and runs on Node's small
 * shared thread pool: requests per address are limited before any work, and
 * at most a few hashes run at once, so a flood of sign-ins cannot stall the
 * chat's file writes.
 */
import { RateLimiter } from '../security/rateLimiter.js';
import type { VerificationGuard } from '../security/verificationGuard.js';
import type { StaffAccount, StaffAccounts } from './accounts.js';
import { credentialTag, normaliseUsername } from './accounts.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';

export const STAFF_GUARD_FILE = 'staff-guard.json';

/** Hashes computed at once (Node's thread pool has four threads, shared with every file write). */
export const MAX_CONCURRENT_HASHES = 2;
/** Sign-ins waiting for a hash slot; beyond, one is told to retry in a few seconds. */
export const MAX_WAITING_SIGN_INS = 32;

export interface SignInOptions {
  /** How long a refusal waits before it is answered. */
  failureDelayMs: number;
  /** Sign-in requests one address may make a minute (an office's operators together, at shift change). */
  perAddressPerMinute: number;
}

export type SignInResult = { kind: 'signed-in'; account: StaffAccount } | { kind: 'refused' } | { kind: 'rate-limited' } | { kind: 'busy' };

export class SignIn {
  constructor(
    private readonly accounts: StaffAccounts,
    private readonly guard: VerificationGuard,
    private readonly options: SignInOptions,
    clock: () => Date = () => new Date(),
  ) {
    this.perAddress = new RateLimiter({ limit: options.perAddressPerMinute, windowMs: 60_000 }, clock);
  }

  private readonly perAddress: RateLimiter;
  private hashing = 0;
  private readonly waiting: Array<() => void> = [];

  async attempt(username: string, password: string, address: string): Promise<SignInResult> {
    if (!this.perAddress.take(address).allowed) return { kind: 'rate-limited' };
    if (this.hashing >= MAX_CONCURRENT_HASHES) {
      if (this.waiting.length >= MAX_WAITING_SIGN_INS) return { kind: 'busy' };
      // The slot is handed over by the sign-in that finishes (release), so `hashing` stays counted.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.hashing++;
    let result: SignInResult;
    try {
      result = await this.check(username, password, address);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.hashing--;
    }
    // The pause comes after the slot is given back: refusals slow the guesser, not the queue.
    if (result.kind !== 'signed-in') await new Promise((resolve) => setTimeout(resolve, this.options.failureDelayMs));
    return result;
  }

  private async check(username: string, password: string, address: string): Promise<SignInResult> {
    const key = normaliseUsername(username) ?? '?';
    const account = await this.accounts.find(key);
    // Keyed by the password too: a reset lifts the lock without touching this process's guard.
    const lock = `staff:${key}:${credentialTag(account)}`;
    const admission = await this.guard.admit(lock, address);
    if (admission === 'rate-limited') return { kind: 'rate-limited' };
    if (admission === 'locked') return { kind: 'refused' };
    const matches = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || account.disabled || !matches) return { kind: 'refused' };
    await this.guard.forgive(lock, address);
    return { kind: 'signed-in', account };
  }
}
