/**
 * Guards lookups that a code alone must not unlock (dossiers, feedback): the
 * caller proves they are the applicant with the last four digits of the
 * registered phone number. Three wrong answers for a code within 24 hours lock
 * it; one requester may try at most ten codes an hour. Durable counters, so a
 * restart does not reset them.
 *
 * Check-and-count is one synchronous step: admission itself counts the attempt
 * as a failure (before any await), and only a correct answer clears it. So 300
 * guesses sent at once are 3 evaluated guesses, not 300 that all passed the
 * check before the first failure was written. Expired entries are dropped on
 * every write, so the file holds only the last day's codes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { Low } from 'lowdb';
import { openDatabase } from '../storage/durableFile.js';

export const MAX_WRONG_ANSWERS = 3;
export const LOCK_WINDOW_MS = 24 * 3_600_000;
export const MAX_CODES_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

interface GuardData {
  /** code → times of wrong answers */
  failures: Record<string, string[]>;
  /** requester (hashed) → recent lookups */
  lookups: Record<string, Array<{ code: string; at: string }>>;
}

export type Admission = 'ok' | 'locked' | 'rate-limited';

export class VerificationGuard {
  private constructor(
    private readonly db: Low<GuardData>,
    private readonly clock: () => Date,
  ) {}

  static async open(dataDir: string, file: string, clock: () => Date): Promise<VerificationGuard> {
    return new VerificationGuard(await openDatabase<GuardData>(path.join(dataDir, file), { failures: {}, lookups: {} }), clock);
  }

  isLocked(code: string): boolean {
    return this.recentFailures(code).length >= MAX_WRONG_ANSWERS;
  }

  /** Says whether the attempt may go ahead and, if so, counts it as a failure until `succeed`. */
  async admit(code: string, requester: string): Promise<Admission> {
    // Everything up to the write is synchronous: concurrent admissions see each other's counts.
    if (this.isLocked(code)) return 'locked';
    const now = this.clock();
    const who = hash(requester);
    const recent = (this.db.data.lookups[who] ?? []).filter((l) => now.getTime() - Date.parse(l.at) < HOUR_MS);
    const codes = new Set(recent.map((l) => l.code));
    if (!codes.has(code) && codes.size >= MAX_CODES_PER_HOUR) return 'rate-limited';
    this.db.data.lookups[who] = [...recent, { code, at: now.toISOString() }];
    this.db.data.failures[code] = [...this.recentFailures(code), now.toISOString()];
    this.dropExpired(now.getTime());
    await this.db.write();
    return 'ok';
  }

  /** A wrong answer (or an unknown code): already counted at admission. Returns true when the code is now locked. */
  async fail(code: string): Promise<boolean> {
    return this.isLocked(code);
  }

  /** The right answer: the code's count starts again. */
  async succeed(code: string): Promise<void> {
    if (!this.db.data.failures[code]) return;
    delete this.db.data.failures[code];
    await this.db.write();
  }

  /**
   * The right answer, for a guard whose codes are names (staff sign-in): the
   * attempt no longer counts against the requester either, so an office
   * behind one address can sign in more people than the hourly code limit.
   */
  async forgive(code: string, requester: string): Promise<void> {
    const who = hash(requester);
    const lookups = this.db.data.lookups[who];
    if (lookups) this.db.data.lookups[who] = lookups.filter((l) => l.code !== code);
    delete this.db.data.failures[code];
    await this.db.write();
  }

  private dropExpired(now: number): void {
    const { failures, lookups } = this.db.data;
    for (const [code, times] of Object.entries(failures)) {
      if (times.every((at) => now - Date.parse(at) >= LOCK_WINDOW_MS)) delete failures[code];
    }
    for (const [who, list] of Object.entries(lookups)) {
      if (list.every((l) => now - Date.parse(l.at) >= HOUR_MS)) delete lookups[who];
    }
  }

  private recentFailures(code: string): string[] {
    const now = this.clock().getTime();
    return (this.db.data.failures[code] ?? []).filter((at) => now - Date.parse(at) < LOCK_WINDOW_MS);
  }
}

/** Constant-time check of the last four digits of a phone number. */
export function matchesLast4(phone: string, answer: string): boolean {
  const expected = Buffer.from(phone.replace(/\D/g, '').slice(-4));
  const given = Buffer.from(answer.replace(/\D/g, ''));
  return expected.length === 4 && given.length === 4 && timingSafeEqual(expected, given);
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}
