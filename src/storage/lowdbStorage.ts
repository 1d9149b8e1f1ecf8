/**
 * Bot Framework Storage on a lowdb file, with optimistic concurrency like
 * botbuilder's MemoryStorage: a write whose eTag is stale is rejected, so two
 * turns of one conversation cannot silently overwrite each other's state.
 *
 * botbuilder's BotState always saves with eTag "*" (overwrite), which would
 * make the check dead code. So every item this storage returns also carries,
 * hidden, the version it was read at; writing that same object back is checked
 * against that version even when its eTag says "*". An item built from scratch
 * (no hidden version) with "*" still overwrites, as the Storage contract says.
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

/** The version an item was read at; a symbol, non-enumerable: never serialised, hashed or spread. */
const READ_AT = Symbol('readETag');

function markRead(item: Record<string, unknown>, eTag: string): void {
  Object.defineProperty(item, READ_AT, { value: eTag, enumerable: false, writable: true, configurable: true });
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
      if (!item) continue;
      const copy: Record<string, unknown> = { ...structuredClone(item.value), eTag: item.eTag };
      markRead(copy, item.eTag);
      out[key] = copy;
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    const data = this.db.data;
    for (const [key, change] of Object.entries(changes)) {
      const item = (change ?? {}) as { eTag?: string; [READ_AT]?: string };
      const expected = item.eTag && item.eTag !== '*' ? item.eTag : item[READ_AT];
      const existing = data.items[key];
      if (existing && expected && expected !== existing.eTag) {
        throw new ETagConflictError(`Storage: stale write to "${key}" (eTag ${expected}, current ${existing.eTag})`);
      }
    }
    for (const [key, change] of Object.entries(changes)) {
      const item = (change ?? {}) as Record<string, unknown>;
      const { eTag: _ignored, ...value } = item;
      const next = String(data.nextETag++);
      data.items[key] = { eTag: next, value: structuredClone(value), updatedAt: this.clock().toISOString() };
      // The caller's object now stands for the version just written (a second save in one turn is not stale).
      if (change && typeof change === 'object') markRead(item, next);
    }
    await this.db.write();
  }

  async delete(keys: string[]): Promise<void> {
    keys.forEach((k) => delete this.db.data.items[k]);
    await this.db.write();
  }

  /**
   * Items untouched for longer than `maxAgeMs` for which `where` holds (it sees
   * the stored value; read it, never change it): copies of their values, with
   * the version each was read at. Only matching items are copied.
   */
  idle(maxAgeMs: number, where: (value: Readonly<Record<string, unknown>>) => boolean = () => true): Array<{ key: string; eTag: string; value: Record<string, unknown> }> {
    return this.idleEntries(maxAgeMs)
      .filter(([, v]) => where(v.value))
      .map(([key, v]) => ({ key, eTag: v.eTag, value: structuredClone(v.value) }));
  }

  private idleEntries(maxAgeMs: number) {
    const cutoff = this.clock().getTime() - maxAgeMs;
    return Object.entries(this.db.data.items).filter(([, v]) => Date.parse(v.updatedAt) < cutoff);
  }

  /** Replaces an item's value if it is still at `eTag`; false (nothing written) when a turn changed it meanwhile. */
  async replaceIfUnchanged(key: string, eTag: string, value: Record<string, unknown>): Promise<boolean> {
    const data = this.db.data;
    if (data.items[key]?.eTag !== eTag) return false;
    data.items[key] = { eTag: String(data.nextETag++), value: structuredClone(value), updatedAt: this.clock().toISOString() };
    await this.db.write();
    return true;
  }

  /** Drops state untouched for longer than `maxAgeMs` (abandoned conversations). */
  async prune(maxAgeMs: number): Promise<number> {
    const stale = this.idleEntries(maxAgeMs).map(([key]) => key);
    if (stale.length > 0) await this.delete(stale);
    return stale.length;
  }
}
