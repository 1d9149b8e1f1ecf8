/**
 * Delivers pending jobs, retrying with exponential back-off and jitter; after
 * `maxAttempts` failures a job is parked as dead (counted in /healthz) until
 * `npm run complaints -- retry-dead`. Runs at start-up, on a timer, and right
 * after each new record. Each pass first gives every record still `received`
 * a job for each configured forwarder it lacks, so feedback taken while no
 * forwarder was configured goes out once one is. The office's answers go
 * back to the citizen the same way (kind "citizen"), so one that cannot be
 * delivered now is retried like any other job.
 */
import type { Logger } from '../logger.js';
import type { Forwarder } from './forwarders.js';
import { ANSWER_DELIVERY, type DeliveryJob, type DeliveryKind } from './schema.js';
import { jobsOf, type ComplaintData, type ComplaintStore } from './store.js';

export interface OutboxOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random?: () => number;
}

/** A pending job, due now, for every kind a `received` record has none of (call it inside a change). Returns how many. */
export function queueMissingJobs(data: ComplaintData, kinds: readonly DeliveryKind[], at: string): number {
  let added = 0;
  for (const c of Object.values(data.complaints)) {
    if (c.status !== 'received') continue;
    for (const kind of kinds) {
      const id = `${c.code}:${kind}`;
      if (data.jobs[id]) continue;
      data.jobs[id] = { id, code: c.code, kind, state: 'pending', attempts: 0, nextAttemptAt: at, lastError: null };
      added++;
    }
  }
  return added;
}

export class Outbox {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** Jobs being attempted: a pass and deliverNow never send one twice at once. */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly store: ComplaintStore,
    private readonly forwarders: readonly Forwarder[],
    private readonly clock: () => Date,
    private readonly options: OutboxOptions,
    private readonly logger: Logger,
  ) {}

  /** One pass over the jobs that are due. Concurrent calls share one pass (and trigger one more). Never rejects. */
  runOnce(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass()
      .catch((error: unknown) => this.logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'outbox pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.runOnce();
        }
      });
    return this.running;
  }

  private async pass(): Promise<void> {
    await this.store.refresh();
    // Only deliveries to the office are owed by every received record; an answer's delivery is queued with the answer.
    const kinds = this.forwarders.map((f) => f.kind).filter((k) => k !== ANSWER_DELIVERY);
    const missing = this.store.all().some((c) => c.status === 'received' && kinds.some((k) => !this.store.job(`${c.code}:${k}`)));
    if (missing) {
      const added = await this.store.mutate((data) => queueMissingJobs(data, kinds, this.clock().toISOString()));
      if (added > 0) this.logger.info({ added }, 'queued deliveries for feedback received before its forwarder was configured');
    }
    const due = this.store.jobs().filter((j) => this.isDue(j)).map((j) => j.id);
    for (const id of due) await this.attempt(id);
  }

  private isDue(job: DeliveryJob | undefined): job is DeliveryJob {
    return job?.state === 'pending' && Date.parse(job.nextAttemptAt) <= this.clock().getTime();
  }

  /** Attempts one due job at once (the office API does so for an answer); its state afterwards. */
  async deliverNow(id: string): Promise<DeliveryJob['state'] | undefined> {
    await this.attempt(id);
    return this.store.job(id)?.state;
  }

  private async attempt(id: string): Promise<void> {
    if (this.inFlight.has(id)) return;
    this.inFlight.add(id);
    try {
      await this.attemptOnce(id);
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async attemptOnce(id: string): Promise<void> {
    await this.store.refresh(); // the CLI may have purged the record or changed the job since the pass began
    const job = this.store.job(id);
    if (!this.isDue(job)) return;
    const complaint = this.store.get(job.code);
    const forwarder = this.forwarders.find((f) => f.kind === job.kind);
    if (!complaint || !forwarder) return;
    const seen = { attempts: job.attempts, nextAttemptAt: job.nextAttemptAt };
    let failure: string | undefined;
    try {
      await forwarder.deliver(complaint, job.id);
    } catch (error) {
      failure = (error as Error).message.slice(0, 200);
    }
    const at = this.clock();
    let attempts = 0;
    let dead = false;
    await this.store.updateJob(id, (fresh, record, data) => {
      // Replaced while we delivered (a newer answer of the office): the new job stays pending as it is.
      if (fresh.attempts !== seen.attempts || fresh.nextAttemptAt !== seen.nextAttemptAt) return;
      attempts = fresh.attempts + 1;
      fresh.attempts = attempts;
      if (failure === undefined) {
        Object.assign(fresh, { state: 'done', lastError: null });
        if (record.status === 'received' && jobsOf(data, record.code).every((j) => j.state === 'done')) {
          Object.assign(record, { status: 'forwarded', updatedAt: at.toISOString() });
        }
        return;
      }
      dead = attempts >= this.options.maxAttempts;
      Object.assign(fresh, { state: dead ? 'dead' : 'pending', nextAttemptAt: new Date(at.getTime() + this.delay(attempts)).toISOString(), lastError: failure });
    });
    if (failure === undefined) this.logger.info({ code: job.code, kind: job.kind, attempts }, 'feedback delivered');
    else this.logger.warn({ code: job.code, kind: job.kind, attempts, dead, reason: failure }, 'feedback delivery failed');
  }

  /** Exponential back-off with jitter (between half and the full delay). */
  delay(attempts: number): number {
    const { baseDelayMs, maxDelayMs } = this.options;
    const random = this.options.random ?? Math.random;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1)) * (0.5 + random() / 2);
  }

  deadCount(): number {
    return this.store.jobs().filter((j) => j.state === 'dead').length;
  }

  pendingCount(): number {
    return this.store.jobs().filter((j) => j.state === 'pending').length;
  }

  /** Puts dead jobs back in the queue, due now. Returns how many. */
  retryDead(): Promise<number> {
    const at = this.clock().toISOString();
    return this.store.mutate((data) => {
      const dead = Object.values(data.jobs).filter((j) => j.state === 'dead');
      for (const job of dead) Object.assign(job, { state: 'pending', attempts: 0, nextAttemptAt: at });
      return dead.length;
    });
  }

  start(intervalMs: number): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Resolves when no pass is running (a pass may trigger one more; that one is waited for too). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }
}
