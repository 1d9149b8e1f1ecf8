/**
 * Delivers pending jobs, retrying with exponential back-off and jitter; after
 * `maxAttempts` failures a job is parked as dead (counted in /healthz) until
 * `npm run complaints -- retry-dead`. Runs at start-up, on a timer, and right
 * after each new record.
 */
import type { Logger } from '../logger.js';
import type { Forwarder } from './forwarders.js';
import type { DeliveryJob } from './schema.js';
import type { ComplaintStore } from './store.js';

export interface OutboxOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random?: () => number;
}

export class Outbox {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly store: ComplaintStore,
    private readonly forwarders: readonly Forwarder[],
    private readonly clock: () => Date,
    private readonly options: OutboxOptions,
    private readonly logger: Logger,
  ) {}

  /** One pass over the jobs that are due. Concurrent calls share one pass (and trigger one more). */
  runOnce(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.runOnce();
      }
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const now = this.clock().getTime();
    const due = this.store.jobs().filter((j) => j.state === 'pending' && Date.parse(j.nextAttemptAt) <= now);
    for (const job of due) await this.attempt(job);
  }

  private async attempt(job: DeliveryJob): Promise<void> {
    const complaint = this.store.get(job.code);
    const forwarder = this.forwarders.find((f) => f.kind === job.kind);
    if (!complaint || !forwarder) return;
    try {
      await forwarder.deliver(complaint);
      await this.store.saveJob({ ...job, state: 'done', attempts: job.attempts + 1, lastError: null });
      if (complaint.status === 'received' && this.store.jobsFor(job.code).every((j) => j.state === 'done')) {
        await this.store.update(job.code, { status: 'forwarded', updatedAt: this.clock().toISOString() });
      }
      this.logger.info({ code: job.code, kind: job.kind, attempts: job.attempts + 1 }, 'feedback delivered');
    } catch (error) {
      const attempts = job.attempts + 1;
      const dead = attempts >= this.options.maxAttempts;
      const reason = (error as Error).message.slice(0, 200);
      await this.store.saveJob({ ...job, attempts, state: dead ? 'dead' : 'pending', nextAttemptAt: new Date(this.clock().getTime() + this.delay(attempts)).toISOString(), lastError: reason });
      this.logger.warn({ code: job.code, kind: job.kind, attempts, dead, reason }, 'feedback delivery failed');
    }
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
  async retryDead(): Promise<number> {
    const dead = this.store.jobs().filter((j) => j.state === 'dead');
    for (const job of dead) await this.store.saveJob({ ...job, state: 'pending', attempts: 0, nextAttemptAt: this.clock().toISOString() });
    return dead.length;
  }

  start(intervalMs: number): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
