/**
 * A lowdb adapter that survives crashes: each write goes to a temporary file,
 * is fsynced, then renamed over the old file (and the folder is fsynced), so
 * the file on disk is always either the old or the new complete document.
 * Writes are serialised. lowdb's JSONFilePreset is avoided on purpose: it
 * silently switches to memory when NODE_ENV=test.
 */
import { mkdir, open, readFile, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';

/** One counter per process: two adapters on the same file must never pick the same temp name. */
let tempCounter = 0;
/** Temp files this process is writing right now; the start-up sweep leaves them alone. */
const inFlight = new Set<string>();

const TEMP_NAME = /^(.+)\.(\d+)\.(\d+)\.tmp$/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes temp files of `file` left by a writer that was killed mid-write (they
 * hold personal data no purge reaches). A temp file of a live process is never
 * touched; one with our own pid is a leftover of an earlier process that had
 * the same pid, unless this process is writing it now.
 */
export async function removeStaleTemps(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || m[1] !== base) continue;
    const pid = Number(m[2]);
    const full = path.join(dir, name);
    const stale = pid === process.pid ? !inFlight.has(full) : !isAlive(pid);
    if (!stale) continue;
    await unlink(full).then(() => removed.push(full), () => undefined);
  }
  return removed;
}

/**
 * Writes `body` durably over `file` and returns the handle of the new file,
 * still open, for callers that keep its identity (see SharedJSONFile); others close it.
 */
export async function writeDurably(file: string, body: string): Promise<FileHandle> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = `${file}.${process.pid}.${++tempCounter}.tmp`;
  inFlight.add(temp);
  try {
    // Owner-only: these files hold personal data and password hashes.
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(body, 'utf8');
      await handle.sync();
      await rename(temp, file);
    } catch (error) {
      await handle.close();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    try {
      const dirHandle = await open(dir, 'r');
      try {
        await dirHandle.sync();
      } finally {
        await dirHandle.close();
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    return handle;
  } finally {
    inFlight.delete(temp);
  }
}

export class DurableJSONFile<T> implements Adapter<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(data: T): Promise<void> {
    const body = JSON.stringify(data);
    const next = this.queue.then(async () => (await writeDurably(this.file, body)).close());
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** A lowdb database on a durable file, read once; leftovers of killed writers are swept first. */
export async function openDatabase<T>(file: string, defaults: T): Promise<Low<T>> {
  await removeStaleTemps(file);
  const db = new Low<T>(new DurableJSONFile<T>(file), defaults);
  await db.read();
  return db;
}
