/**
 * Feedback: submission (idempotent per draft, limited per phone and per
 * conversation), the citizen's status check (behind the last-four-digits
 * guard), the office's answer, and retention. Every change is one function on
 * the store's data as it is on disk, under its lock: the draft check, both
 * limits, the code and the insert are one step, so concurrent submissions (in
 * this process or another) cannot get around a limit.
 */
import { vietnamDate } from '../dossiers/calendar.js';
import { matchesLast4, type VerificationGuard } from '../security/verificationGuard.js';
import { ANSWER_DELIVERY, type Complaint, type ComplaintDraft, type ComplaintOrigin, type ComplaintStatus, type DeliveryJob, type DeliveryKind } from './schema.js';
import { allocateCode, removeRecords, type ComplaintStore } from './store.js';

export const MAX_PER_PHONE_PER_DAY = 3;
export const MAX_PER_CONVERSATION_PER_HOUR = 3;
export const GUARD_FILE = 'complaint-guard.json';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type SubmitResult =
  | { kind: 'created'; complaint: Complaint; repeated: boolean }
  | { kind: 'limit'; scope: 'phone' | 'conversation' };

export type StatusResult =
  | { kind: 'found'; complaint: Complaint }
  | { kind: 'not-verified' }
  | { kind: 'locked' }
  | { kind: 'rate-limited' };

/** A tracking code as typed: "pakn 261124 0007" → "PAKN-261124-0007". */
export function parseComplaintCode(text: string): string | undefined {
  const m = /(?<![\p{L}\p{N}])pakn[\s._-]*(\d{6})[\s._-]*(\d{4})(?!\d)/iu.exec(text);
  return m ? `PAKN-${m[1]}-${m[2]}` : undefined;
}

/** The job that carries the office's latest answer to the citizen. */
export const answerJobId = (code: string) => `${code}:${ANSWER_DELIVERY}`;

export class ComplaintService {
  constructor(
    private readonly store: ComplaintStore,
    private readonly guard: VerificationGuard,
    private readonly deliveries: readonly DeliveryKind[],
    private readonly clock: () => Date,
  ) {}

  async submit(draft: ComplaintDraft, origin: ComplaintOrigin): Promise<SubmitResult> {
    const now = this.clock();
    const today = vietnamDate(now);
    return this.store.mutate((data): SubmitResult => {
      const all = Object.values(data.complaints);
      const existing = all.find((c) => c.draftId === origin.draftId);
      if (existing) return { kind: 'created', complaint: existing, repeated: true };
      if (all.filter((c) => c.phone === draft.phone && vietnamDate(new Date(c.createdAt)) === today).length >= MAX_PER_PHONE_PER_DAY) {
        return { kind: 'limit', scope: 'phone' };
      }
      if (all.filter((c) => c.conversationKey === origin.conversationKey && now.getTime() - Date.parse(c.createdAt) < HOUR_MS).length >= MAX_PER_CONVERSATION_PER_HOUR) {
        return { kind: 'limit', scope: 'conversation' };
      }
      const code = allocateCode(data, today.slice(2).replace(/-/g, ''));
      const at = now.toISOString();
      const complaint: Complaint = { ...draft, ...origin, code, createdAt: at, updatedAt: at, status: 'received', answer: null };
      data.complaints[code] = complaint;
      for (const kind of this.deliveries) {
        const job: DeliveryJob = { id: `${code}:${kind}`, code, kind, state: 'pending', attempts: 0, nextAttemptAt: at, lastError: null };
        data.jobs[job.id] = job;
      }
      return { kind: 'created', complaint, repeated: false };
    });
  }

  async status(code: string, phoneLast4: string, requester: string): Promise<StatusResult> {
    const admission = await this.guard.admit(code, requester);
    if (admission !== 'ok') return { kind: admission };
    await this.store.refresh();
    const complaint = this.store.get(code);
    if (!complaint || !matchesLast4(complaint.phone, phoneLast4)) {
      return (await this.guard.fail(code)) ? { kind: 'locked' } : { kind: 'not-verified' };
    }
    await this.guard.succeed(code);
    return { kind: 'found', complaint };
  }

  isLocked(code: string): boolean {
    return this.guard.isLocked(code);
  }

  /**
   * The office's answer or status change, stored with a job that carries it to
   * the citizen's conversation (in the same write: an answer is never stored
   * without its delivery). A newer change replaces a pending one. Undefined
   * when there is no such record.
   */
  respond(code: string, status: ComplaintStatus, answer: string | null): Promise<Complaint | undefined> {
    const at = this.clock().toISOString();
    return this.store.mutate((data) => {
      const current = data.complaints[code];
      if (!current) return undefined;
      const next: Complaint = { ...current, status, answer: answer ?? current.answer, updatedAt: at };
      data.complaints[code] = next;
      const id = answerJobId(code);
      data.jobs[id] = { id, code, kind: ANSWER_DELIVERY, state: 'pending', attempts: 0, nextAttemptAt: at, lastError: null };
      return next;
    });
  }

  /** Deletes answered or closed records untouched for `days`. Returns how many. */
  purge(days: number): Promise<number> {
    const cutoff = this.clock().getTime() - days * DAY_MS;
    return this.store.mutate((data) => {
      const old = Object.values(data.complaints).filter((c) => (c.status === 'answered' || c.status === 'closed') && Date.parse(c.updatedAt) < cutoff);
      removeRecords(data, old.map((c) => c.code));
      return old.length;
    });
  }
}
