/**
 * Dossier lookup, safely: the code alone is not enough. The citizen must give
 * the last four digits of the phone number on the dossier; a wrong answer and
 * an unknown code get the same reply; the guard locks a code after repeated
 * wrong answers and limits how many codes a conversation may try.
 */
import type { VerificationGuard } from '../security/verificationGuard.js';
import { matchesLast4 } from '../security/verificationGuard.js';
import type { WorkingCalendar } from './calendar.js';
import type { DossierStatus } from './schema.js';
import { DossierSourceUnavailable, type DossierSource } from './source.js';
import { dossierView, type DossierView } from './view.js';

export const GUARD_FILE = 'dossier-guard.json';

export type LookupResult =
  | { kind: 'found'; view: DossierView }
  | { kind: 'not-verified' }
  | { kind: 'locked' }
  | { kind: 'rate-limited' }
  | { kind: 'unavailable' };

export class DossierService {
  constructor(
    private readonly source: DossierSource,
    private readonly calendar: WorkingCalendar,
    private readonly guard: VerificationGuard,
    private readonly clock: () => Date,
  ) {}

  async refresh(): Promise<void> {
    await this.source.refresh?.();
  }

  /** True when the code is locked for chat lookups now. */
  isLocked(code: string): boolean {
    return this.guard.isLocked(code);
  }

  /** Looks a dossier up for `requester` (a conversation), who answered `phoneLast4`. */
  async lookup(code: string, phoneLast4: string, requester: string): Promise<LookupResult> {
    const admission = await this.guard.admit(code, requester);
    if (admission !== 'ok') return { kind: admission };
    let dossier;
    try {
      dossier = await this.source.find(code);
    } catch (error) {
      if (error instanceof DossierSourceUnavailable) return { kind: 'unavailable' };
      throw error;
    }
    if (!dossier || !matchesLast4(dossier.applicantPhone, phoneLast4)) {
      return (await this.guard.fail(code)) ? { kind: 'locked' } : { kind: 'not-verified' };
    }
    await this.guard.succeed(code);
    return { kind: 'found', view: dossierView(dossier, this.clock(), this.calendar) };
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
}
