/**
 * Dossier lookup, safely: the code alone is not enough. The citizen must give
 * the last four digits of the phone number on the dossier; a wrong answer and
 * an unknown code get the same reply; three wrong answers for a code within
 * 24 hours lock it for chat lookups; a conversation may try at most ten codes
 * an hour. The guard's counters are durable, so a restart does not reset them.
 */
import path from 'node:path';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Low } from 'lowdb';
import { openDatabase } from '../storage/durableFile.js';
import type { WorkingCalendar } from './calendar.js';
import type { DossierStatus } from './schema.js';
import { DossierSourceUnavailable, type DossierSource } from './source.js';
import { dossierView, type DossierView } from './view.js';

export const MAX_WRONG_ANSWERS = 3;
export const LOCK_WINDOW_MS = 24 * 3_600_000;
export const MAX_CODES_PER_HOUR = 10;
const HOUR_MS = 3_600_000;
export const GUARD_FILE = 'dossier-guard.json';

export type LookupResult =
  | { kind: 'found'; view: DossierView }
  | { kind: 'not-verified' }
  | { kind: 'locked' }
  | { kind: 'rate-limited' }
  | { kind: 'unavailable' };

interface GuardData {
  /** code → times of wrong answers */
  failures: Record<string, string[]>;
  /** requester (hashed) → recent lookups */
  lookups: Record<string, Array<{ code: string; at: string }>>;
}

export class DossierService {
  private constructor(
    private readonly source: DossierSource,
    private readonly calendar: WorkingCalendar,
    private readonly guard: Low<GuardData>,
    private readonly clock: () => Date,
  ) {}

  static async open(source: DossierSource, calendar: WorkingCalendar, dataDir: string, clock: () => Date): Promise<DossierService> {
    const guard = await openDatabase<GuardData>(path.join(dataDir, GUARD_FILE), { failures: {}, lookups: {} });
    return new DossierService(source, calendar, guard, clock);
  }

  async refresh(): Promise<void> {
    await this.source.refresh?.();
  }

  /** True when the code is locked for chat lookups now. */
  isLocked(code: string): boolean {
    return this.recentFailures(code).length >= MAX_WRONG_ANSWERS;
  }

  /** Looks a dossier up for `requester` (a conversation), who answered `phoneLast4`. */
  async lookup(code: string, phoneLast4: string, requester: string): Promise<LookupResult> {
    const now = this.clock();
    if (this.isLocked(code)) return { kind: 'locked' };
    const who = hash(requester);
    const recent = (this.guard.data.lookups[who] ?? []).filter((l) => now.getTime() - Date.parse(l.at) < HOUR_MS);
    const codes = new Set(recent.map((l) => l.code));
    if (!codes.has(code) && codes.size >= MAX_CODES_PER_HOUR) return { kind: 'rate-limited' };
    this.guard.data.lookups[who] = [...recent, { code, at: now.toISOString() }];

    let dossier;
    try {
      dossier = await this.source.find(code);
    } catch (error) {
      await this.guard.write();
      if (error instanceof DossierSourceUnavailable) return { kind: 'unavailable' };
      throw error;
    }
    if (!dossier || !sameLast4(dossier.applicantPhone, phoneLast4)) {
      this.guard.data.failures[code] = [...this.recentFailures(code), now.toISOString()];
      await this.guard.write();
      return this.isLocked(code) ? { kind: 'locked' } : { kind: 'not-verified' };
    }
    delete this.guard.data.failures[code];
    await this.guard.write();
    return { kind: 'found', view: dossierView(dossier, now, this.calendar) };
  }

  /**
   * The current view of a dossier, without verification: only for a
   * conversation that was verified when it subscribed. A status reported by an
   * event takes precedence over the source's, which may lag behind.
   */
  async current(code: string, status?: DossierStatus): Promise<DossierView | undefined> {
    const dossier = await this.source.find(code);
    if (!dossier) return undefined;
    return dossierView(status ? { ...dossier, status } : dossier, this.clock(), this.calendar);
  }

  private recentFailures(code: string): string[] {
    const now = this.clock().getTime();
    return (this.guard.data.failures[code] ?? []).filter((at) => now - Date.parse(at) < LOCK_WINDOW_MS);
  }
}

function sameLast4(phone: string, answer: string): boolean {
  const expected = Buffer.from(phone.replace(/\D/g, '').slice(-4));
  const given = Buffer.from(answer.replace(/\D/g, ''));
  return expected.length === 4 && given.length === 4 && timingSafeEqual(expected, given);
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}
