/**
 * A JSON file that several processes (the server and the CLI) change safely.
 * Every change is a function applied, under an inter-process lock, to the data
 * as it is on disk at that moment, then written durably (temp + fsync +
 * rename). So no process writes a stale copy back over another's change (a
 * purge undone, a re-queued job marked dead again). Readers refresh cheaply:
 * a stat, and a re-read only when the file changed since it was last seen.
 */
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { removeStaleTemps, writeDurably } from './durableFile.js';

/** How long the lock of a holder that died blocks others; a live holder's lock is refreshed by proper-lockfile. */
const LOCK_STALE_MS = 10_000;
/** Waiting for another process's change: short randomised steps, about 20 s at most, beyond LOCK_STALE_MS. */
const LOCK_RETRIES = { retries: 400, factor: 1.2, minTimeout: 5, maxTimeout: 50, randomize: true };

type Version = Pick<Stats, 'ino' | 'mtimeMs' | 'size'>;
type Pinned = { handle: FileHandle; version: Version };
const sameVersion = (a: Version, b: Version) => a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size;

/** Closes the pinned version of a file object nobody holds any more (Node deprecates closing a FileHandle by GC). */
const unpinWhenCollected = new FinalizationRegistry<{ pinned: Pinned | undefined }>((box) => void box.pinned?.handle.close().catch(() => undefined));

export class SharedJSONFile<T> {
  private current: T;
  /** The text last read or written: a change that leaves it equal is not written. */
  private text: string | undefined;
  /**
   * The version last seen, kept open: while we hold it its inode cannot be
   * reused by a later version, so a coarse mtime tick cannot hide a change.
   */
  private readonly box: { pinned: Pinned | undefined } = { pinned: undefined };
  /** Bumped at each adoption, so a slow read never replaces a newer version. */
  private generation = 0;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly defaults: T,
  ) {
    this.current = structuredClone(defaults);
    unpinWhenCollected.register(this, this.box);
  }

  static async open<T>(file: string, defaults: T): Promise<SharedJSONFile<T>> {
    await mkdir(path.dirname(file), { recursive: true });
    await removeStaleTemps(file);
    const shared = new SharedJSONFile<T>(file, defaults);
    await shared.refresh();
    return shared;
  }

  /** The data as last read or written. Read it, never change it: changes go through update(). */
  get data(): T {
    return this.current;
  }

  /** Re-reads the file if another process replaced it since it was last seen. */
  async refresh(): Promise<void> {
    const generation = this.generation;
    const seen = await stat(this.file).catch(notFound);
    if (!seen) {
      if (this.box.pinned) await this.adopt(undefined, undefined, structuredClone(this.defaults));
      return;
    }
    if (this.box.pinned && sameVersion(seen, this.box.pinned.version)) return;
    const handle = await open(this.file, 'r').catch(notFound);
    if (!handle) return this.refresh();
    try {
      const version = await handle.stat();
      const text = await handle.readFile('utf8');
      const data = JSON.parse(text) as T;
      if (generation !== this.generation) return void (await handle.close());
      await this.adopt({ handle, version }, text, data);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * Applies `change` to the data as it is on disk now, under the lock, and
   * writes the result durably (unless nothing changed). Returns what `change` returns.
   */
  update<R>(change: (data: T) => R): Promise<R> {
    const next = this.queue.then(() => this.underLock(change));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async underLock<R>(change: (data: T) => R): Promise<R> {
    let compromised: Error | undefined;
    const release = await lockfile.lock(this.file, {
      realpath: false,
      stale: LOCK_STALE_MS,
      retries: LOCK_RETRIES,
      onCompromised: (error) => (compromised = error),
    });
    try {
      await this.refresh();
      const draft = structuredClone(this.current);
      const result = change(draft);
      const body = JSON.stringify(draft);
      if (body !== this.text) {
        if (compromised) throw compromised;
        const handle = await writeDurably(this.file, body);
        await this.adopt({ handle, version: await handle.stat() }, body, draft);
      }
      return result;
    } finally {
      await release().catch(() => undefined);
    }
  }

  private async adopt(pinned: Pinned | undefined, text: string | undefined, data: T): Promise<void> {
    const previous = this.box.pinned;
    this.box.pinned = pinned;
    this.text = text;
    this.current = data;
    this.generation++;
    await previous?.handle.close().catch(() => undefined);
  }

  /** Lets go of the pinned version (tests, shutdown). */
  async close(): Promise<void> {
    await this.queue;
    await this.box.pinned?.handle.close().catch(() => undefined);
    this.box.pinned = undefined;
  }
}

function notFound(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}
