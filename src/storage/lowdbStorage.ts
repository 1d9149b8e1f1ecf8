/**
 * Bot Framework Storage on a lowdb file, with optimistic concurrency like
 * botbuilder's MemoryStorage: a write whose eTag is stale is rejected, so two
 * turns of one conversation cannot silently overwrite each other's state.
 */
import type { Storage, StoreItems } from 'botbuilder';
import type { Low } from 'lowdb';
import { openDatabase } from './durableFile.js';

interface StorageData {
  items: Record<string, { eTag: string; value: Record<string, unknown>; updatedAt: string }>;
  nextETag: number;
}

export class ETagConflictError extends Error {
  override name = 'ETagConflictError';
}

export class LowdbStorage implements Storage {
  private constructor(
    private readonly db: Low<StorageData>,
    private readonly clock: () => Date,
  ) {}

  static async open(file: string, clock: () => Date = () => new Date()): Promise<LowdbStorage> {
    return new LowdbStorage(await openDatabase<StorageData>(file, { items: {}, nextETag: 1 }), clock);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const key of keys) {
      const item = this.db.data.items[key];
      if (item) out[key] = { ...structuredClone(item.value), eTag: item.eTag };
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    const data = this.db.data;
    for (const [key, change] of Object.entries(changes)) {
      const { eTag, ...value } = (change ?? {}) as Record<string, unknown> & { eTag?: string };
      const existing = data.items[key];
      if (existing && eTag && eTag !== '*' && eTag !== existing.eTag) {
        throw new ETagConflictError(`Storage: stale write to "${key}" (eTag ${eTag}, current ${existing.eTag})`);
      }
      data.items[key] = { eTag: String(data.nextETag++), value: structuredClone(value), updatedAt: this.clock().toISOString() };
    }
    await this.db.write();
  }

  async delete(keys: string[]): Promise<void> {
    keys.forEach((k) => delete this.db.data.items[k]);
    await this.db.write();
  }

  /** Drops state untouched for longer than `maxAgeMs` (abandoned conversations). */
  async prune(maxAgeMs: number): Promise<number> {
    const cutoff = this.clock().getTime() - maxAgeMs;
    const stale = Object.entries(this.db.data.items).filter(([, v]) => Date.parse(v.updatedAt) < cutoff);
    if (stale.length > 0) await this.delete(stale.map(([k]) => k));
    return stale.length;
  }
}
