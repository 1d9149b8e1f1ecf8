/**
 * The durable inbox of Zalo events. Zalo does not redeliver an event we have
 * answered 200, so an event is written to disk before the answer and removed
 * only once its turn has run: a shutdown or crash leaves it for the next start.
 * One user's events run in order, different users' concurrently. The keys of
 * events already accepted are kept (hashed, bounded, expiring) in the same file
 * so that a redelivery, even after a restart, is not answered twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { Logger } from '../../logger.js';
import { openDatabase } from '../../storage/durableFile.js';

export const ZALO_INBOX_FILE = 'zalo-inbox.json';

interface Entry {
  id: string;
  user: string;
  event: unknown;
}

interface InboxData {
  events: Entry[];
  /** [hashed key, accepted at (ms)], oldest first. */
  seen: Array<[string, number]>;
}

export interface InboxOptions {
  dataDir: string;
  /** Runs one event's turn; a rejection is logged and the event is dropped (never retried forever). */
  process: (event: unknown) => Promise<void>;
  logger: Logger;
  clock: () => Date;
  seenLimit?: number;
  seenTtlMs?: number;
}

export class ZaloInbox {
  private readonly seen: Map<string, number>;
  private readonly chains = new Map<string, Promise<void>>();
  private started = false;
  private closed = false;
  /** Group commit: the write every change made since the last write started will be part of. */
  private nextWrite: Promise<void> | undefined;
  private lastWrite: Promise<void> = Promise.resolve();

  private constructor(private readonly db: Low<InboxData>, private readonly options: InboxOptions) {
    this.seen = new Map(db.data.seen);
  }

  static async open(options: InboxOptions): Promise<ZaloInbox> {
    const db = await openDatabase<InboxData>(path.join(options.dataDir, ZALO_INBOX_FILE), { events: [], seen: [] });
    db.data.events ??= [];
    db.data.seen ??= [];
    return new ZaloInbox(db, options);
  }

  /**
   * Stores an event durably. Resolves `false` for a redelivery (already held or
   * processed); rejects if the disk write failed, and then nothing is kept.
   */
  async accept(key: string, user: string, event: unknown): Promise<boolean> {
    const hashed = createHash('sha256').update(key).digest('base64url').slice(0, 22);
    const now = this.options.clock().getTime();
    this.expire(now);
    if (this.seen.has(hashed)) return false;
    const entry: Entry = { id: randomUUID(), user, event };
    this.seen.set(hashed, now);
    this.db.data.events.push(entry);
    try {
      await this.persist();
    } catch (error) {
      this.seen.delete(hashed);
      this.db.data.events = this.db.data.events.filter((e) => e !== entry);
      throw error;
    }
    if (this.started) this.schedule(entry);
    return true;
  }

  /** Begins processing: first what a previous run left, in order, then each new event. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const entry of this.db.data.events) this.schedule(entry);
  }

  /** No turn starts after this; events not yet begun stay on disk for the next start. */
  close(): void {
    this.closed = true;
  }

  /** Resolves when no turn is running and the inbox file reflects every finished one. */
  async whenIdle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all(this.chains.values());
    await this.lastWrite.catch(() => undefined);
  }

  /** Events held and not yet processed. */
  size(): number {
    return this.db.data.events.length;
  }

  private schedule(entry: Entry): void {
    const previous = this.chains.get(entry.user) ?? Promise.resolve();
    const next = previous.then(() => this.run(entry));
    this.chains.set(entry.user, next);
    void next.then(() => {
      if (this.chains.get(entry.user) === next) this.chains.delete(entry.user);
    });
  }

  private async run(entry: Entry): Promise<void> {
    if (this.closed) return;
    try {
      await this.options.process(entry.event);
    } catch (error) {
      this.options.logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'Zalo event failed; dropped');
    }
    this.db.data.events = this.db.data.events.filter((e) => e.id !== entry.id);
    await this.persist().catch((error: Error) =>
      this.options.logger.error({ err: { name: error.name, message: error.message } }, 'could not record a processed Zalo event'),
    );
  }

  private expire(now: number): void {
    const limit = this.options.seenLimit ?? 50_000;
    const oldest = now - (this.options.seenTtlMs ?? 48 * 3_600_000);
    for (const [key, at] of this.seen) {
      if (at >= oldest && this.seen.size < limit) break;
      this.seen.delete(key);
    }
  }

  private persist(): Promise<void> {
    this.nextWrite ??= this.lastWrite.catch(() => undefined).then(() => {
      this.nextWrite = undefined;
      this.db.data.seen = [...this.seen];
      this.lastWrite = this.db.write();
      return this.lastWrite;
    });
    return this.nextWrite;
  }
}
