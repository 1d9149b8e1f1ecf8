import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ETagConflictError, LowdbStorage } from '../src/storage/lowdbStorage.js';
import { fixedClock, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('LowdbStorage', () => {
  it('round-trips items and persists them across a reopen', async () => {
    const file = path.join(dir, 'state.json');
    const storage = await LowdbStorage.open(file, fixedClock);
    await storage.write({ 'c1/conversation': { topic: 'khai sinh', nested: { n: 1 } } });
    const reopened = await LowdbStorage.open(file, fixedClock);
    const items = await reopened.read(['c1/conversation', 'missing']);
    expect(items['c1/conversation']).toMatchObject({ topic: 'khai sinh', nested: { n: 1 } });
    expect(items['c1/conversation'].eTag).toBeTypeOf('string');
    expect(items).not.toHaveProperty('missing');
  });

  it('rejects a write with a stale eTag, like MemoryStorage', async () => {
    const storage = await LowdbStorage.open(path.join(dir, 's.json'), fixedClock);
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(['k'])).k;
    const second = (await storage.read(['k'])).k;
    await storage.write({ k: { ...first, v: 2 } });
    await expect(storage.write({ k: { ...second, v: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await storage.read(['k'])).k.v).toBe(2);
    await storage.write({ k: { v: 4, eTag: '*' } });
    expect((await storage.read(['k'])).k.v).toBe(4);
  });

  it('returns copies, so callers cannot change stored state by accident', async () => {
    const storage = await LowdbStorage.open(path.join(dir, 's.json'), fixedClock);
    await storage.write({ k: { list: [1] } });
    const item = (await storage.read(['k'])).k;
    item.list.push(2);
    expect((await storage.read(['k'])).k.list).toEqual([1]);
  });

  it('deletes and prunes old conversations', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const storage = await LowdbStorage.open(path.join(dir, 's.json'), () => now);
    await storage.write({ old: { a: 1 } });
    now = new Date('2026-03-01T00:00:00Z');
    await storage.write({ recent: { a: 2 } });
    expect(await storage.prune(30 * 86_400_000)).toBe(1);
    expect(Object.keys(await storage.read(['old', 'recent']))).toEqual(['recent']);
    await storage.delete(['recent']);
    expect(await storage.read(['recent'])).toEqual({});
  });

  it('writes whole files atomically and leaves no temporary files', async () => {
    const file = path.join(dir, 'atomic.json');
    const storage = await LowdbStorage.open(file, fixedClock);
    await Promise.all(Array.from({ length: 20 }, (_, i) => storage.write({ [`k${i}`]: { i } })));
    expect(JSON.parse(await readFile(file, 'utf8')).items).toHaveProperty('k19');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
