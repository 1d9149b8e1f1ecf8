/**
 * A lowdb adapter that survives crashes: each write goes to a temporary file,
 * is fsynced, then renamed over the old file (and the folder is fsynced), so
 * the file on disk is always either the old or the new complete document.
 * Writes are serialised. lowdb's JSONFilePreset is avoided on purpose: it
 * silently switches to memory when NODE_ENV=test.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';

export class DurableJSONFile<T> implements Adapter<T> {
  private queue: Promise<unknown> = Promise.resolve();
  private counter = 0;

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
    const next = this.queue.then(() => this.writeNow(body));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async writeNow(body: string): Promise<void> {
    const dir = path.dirname(this.file);
    await mkdir(dir, { recursive: true });
    const temp = `${this.file}.${process.pid}.${++this.counter}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(body, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }
}

/** A lowdb database on a durable file, read once. */
export async function openDatabase<T>(file: string, defaults: T): Promise<Low<T>> {
  const db = new Low<T>(new DurableJSONFile<T>(file), defaults);
  await db.read();
  return db;
}
