/**
 * A small in-process rate limiter: at most `limit` hits per key in each fixed
 * window. `take` checks and counts in one synchronous step, so requests that
 * arrive together cannot all pass a check before any of them is counted.
 *
 * Fixed windows (not a sliding log) keep one small record per key; the price is
 * that a client can make up to twice the limit across a window boundary, which
 * is acceptable for flood control. The number of keys is bounded: records are
 * kept in a Map ordered by window start, so expired ones are swept from the
 * front, and past `maxKeys` the oldest window is forgotten.
 *
 * The front is read through one long-lived iterator: a Map iterator skips
 * deleted entries and sees added ones, so each deleted slot is passed once;
 * a fresh `keys().next()` per call would rescan the holes that deletions at the
 * front leave (until V8 compacts the table), which is O(n) per call.
 */

export interface RateLimitOptions {
  /** Hits allowed per key and window; 0 turns the limiter off. */
  limit: number;
  windowMs: number;
  /** Most keys remembered at once (each costs about a hundred bytes). */
  maxKeys?: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** 50,000 addresses is far more than one server sees in a minute, and costs a few megabytes at most. */
export const DEFAULT_MAX_KEYS = 50_000;

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly maxKeys: number;
  private order = this.windows.entries();
  /** The oldest entry, once read from `order` and until it is deleted. */
  private head: [string, Window] | undefined;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly clock: () => Date,
  ) {
    if (!(options.windowMs > 0)) throw new RangeError('windowMs must be positive');
    if (!(options.limit >= 0)) throw new RangeError('limit must not be negative');
    this.maxKeys = Math.max(1, options.maxKeys ?? DEFAULT_MAX_KEYS);
  }

  /** Counts one hit for `key` and says whether it is within the limit. */
  take(key: string): RateDecision {
    const { limit, windowMs } = this.options;
    if (limit === 0) return { allowed: true, remaining: Infinity };
    const now = this.clock().getTime();
    this.sweep(now);
    let window = this.windows.get(key);
    // An ended window was just swept, so a key without one is new: it goes to the end, keeping the Map ordered by start.
    if (!window) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > this.maxKeys) this.dropOldest();
    }
    if (window.count >= limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) };
    }
    window.count++;
    return { allowed: true, remaining: limit - window.count };
  }

  /** Keys currently remembered. */
  get size(): number {
    return this.windows.size;
  }

  /** Forgets windows that have ended; they sit at the front, so this stops at the first live one. */
  private sweep(now: number): void {
    for (let oldest = this.oldest(); oldest && now - oldest[1].start >= this.options.windowMs; oldest = this.oldest()) this.dropOldest();
  }

  private dropOldest(): void {
    const oldest = this.oldest();
    if (!oldest) return;
    this.windows.delete(oldest[0]);
    this.head = undefined;
  }

  private oldest(): [string, Window] | undefined {
    if (this.head) return this.head;
    let next = this.order.next();
    // A finished iterator stays finished (the Map was empty): start a new one, which sees later entries.
    if (next.done) {
      this.order = this.windows.entries();
      next = this.order.next();
    }
    this.head = next.done ? undefined : next.value;
    return this.head;
  }
}
