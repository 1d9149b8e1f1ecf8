import { execFile, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ComplaintStore, COMPLAINTS_FILE } from '../src/complaints/store.js';
import { openDatabase } from '../src/storage/durableFile.js';
import { SharedJSONFile } from '../src/storage/sharedFile.js';
import { tempDir } from './helpers.js';

const run = promisify(execFile);

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}

describe('temp files left by a writer killed mid-write', () => {
  it('are removed at open when their writer is gone, and a live writer\'s are kept', async () => {
    const { dir, cleanup } = await tempDir();
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const file = path.join(dir, COMPLAINTS_FILE);
      const dead = path.join(dir, `${COMPLAINTS_FILE}.${await deadPid()}.3.tmp`);
      const alive = path.join(dir, `${COMPLAINTS_FILE}.${live.pid}.1.tmp`);
      const mine = path.join(dir, `${COMPLAINTS_FILE}.${process.pid}.999999.tmp`); // an earlier process with our pid
      const other = path.join(dir, `other.json.${await deadPid()}.1.tmp`); // another file's: its own store sweeps it
      for (const f of [dead, alive, mine, other]) await writeFile(f, '{"complaints":{"PAKN-261124-0001":{"name":"Nguyễn Văn An"}}}');
      await writeFile(file, JSON.stringify({ complaints: {}, jobs: {}, sequences: {} }));

      const store = await ComplaintStore.open(dir);
      expect((await readdir(dir)).sort()).toEqual([COMPLAINTS_FILE, path.basename(alive), path.basename(other)].sort());
      await store.close();

      await openDatabase(path.join(dir, 'other.json'), {});
      expect(await readdir(dir)).not.toContain(path.basename(other));
    } finally {
      live.kill('SIGKILL');
      await cleanup();
    }
  });
});

describe('a file shared between processes', () => {
  it('re-reads only when another writer changed the file, and applies each change to the data on disk', async () => {
    const { dir, cleanup } = await tempDir();
    const file = path.join(dir, 'shared.json');
    const a = await SharedJSONFile.open(file, { count: 0, notes: [] as string[] });
    const b = await SharedJSONFile.open(file, { count: 0, notes: [] as string[] });
    await a.update((d) => void d.count++);
    const seen = b.data;
    await b.refresh();
    expect(b.data).not.toBe(seen);
    expect(b.data.count).toBe(1);
    const unchanged = b.data;
    await b.refresh();
    expect(b.data).toBe(unchanged); // a stat, no re-read

    // b never refreshed after this change of a's, yet its own change starts from it.
    await a.update((d) => void d.notes.push('a'));
    await b.update((d) => void d.notes.push('b'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 1, notes: ['a', 'b'] });
    await Promise.all([a.close(), b.close()]);
    await cleanup();
  });

  it('loses no change when two other processes and this one change it at the same time', { timeout: 60_000 }, async () => {
    const { dir, cleanup } = await tempDir();
    const file = path.join(dir, 'counter.json');
    const shared = await SharedJSONFile.open(file, { count: 0 });
    const children = [1, 2].map(() => run('node_modules/.bin/tsx', ['test/fixtures/sharedCounter.ts', file, '15']));
    const mine = Array.from({ length: 15 }, () => shared.update((d) => void d.count++));
    await Promise.all([...children, ...mine]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 45 });
    await shared.refresh();
    expect(shared.data.count).toBe(45);
    await shared.close();
    await cleanup();
  });

  it('takes over a lock left by a process that died holding it', { timeout: 30_000 }, async () => {
    const { dir, cleanup } = await tempDir();
    const file = path.join(dir, 'locked.json');
    await mkdir(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    await utimes(`${file}.lock`, old, old);
    const shared = await SharedJSONFile.open(file, { count: 0 });
    await shared.update((d) => void d.count++);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 1 });
    await shared.close();
    await cleanup();
  });
});
