import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ZALO_INBOX_FILE, ZaloInbox } from '../src/channels/zalo/inbox.js';
import { createLogger } from '../src/logger.js';
import { FIXED_NOW, tempDir, testApp } from './helpers.js';
import { startServer } from './peers.js';
import { FakeOa, sendZaloEvent, waitFor, zaloEnv } from './zaloPeers.js';

interface Ev {
  user: string;
  n: number;
}

/** A gate a test opens by hand, to hold a turn in flight. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(process: (e: Ev) => Promise<void>, opts: { clock?: () => Date; seenLimit?: number; dir?: string } = {}) {
  let dir = opts.dir;
  if (!dir) {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    dir = t.dir;
  }
  const logs: string[] = [];
  const logger = createLogger('info', new Writable({ write: (c, _e, cb) => (logs.push(String(c)), cb()) }));
  const inbox = await ZaloInbox.open({ dataDir: dir, process: (e) => process(e as Ev), logger, clock: opts.clock ?? (() => FIXED_NOW), seenLimit: opts.seenLimit });
  const onDisk = async () => JSON.parse(await readFile(path.join(dir, ZALO_INBOX_FILE), 'utf8')) as { events: Array<{ event: Ev }>; seen: Array<[string, number]> };
  return { inbox, dir, logs, onDisk };
}

const ev = (user: string, n: number): Ev => ({ user, n });

describe('the Zalo inbox', () => {
  it('runs one user\'s events in order and different users\' at the same time', async () => {
    const done: string[] = [];
    const holdA = gate();
    const { inbox } = await setup(async (e) => {
      if (e.user === 'a' && e.n === 1) await holdA.opened;
      done.push(`${e.user}${e.n}`);
    });
    inbox.start();
    await inbox.accept('a1', 'a', ev('a', 1));
    await inbox.accept('a2', 'a', ev('a', 2));
    await inbox.accept('b1', 'b', ev('b', 1));
    await waitFor(() => (done.includes('b1') ? true : undefined), 5_000, "b's event, while a's first is held");
    expect(done).toEqual(['b1']);
    holdA.open();
    await inbox.whenIdle();
    expect(done).toEqual(['b1', 'a1', 'a2']);
    expect(inbox.size()).toBe(0);
  });

  it('has the event on disk when accept resolves, and a new start processes what is left, in order', async () => {
    const first = await setup(async () => undefined);
    for (let n = 1; n <= 3; n++) await first.inbox.accept(`k${n}`, 'a', ev('a', n));
    expect((await first.onDisk()).events.map((e) => e.event.n)).toEqual([1, 2, 3]);

    const done: number[] = [];
    const second = await setup(async (e) => void done.push(e.n), { dir: first.dir });
    second.inbox.start();
    await second.inbox.whenIdle();
    expect(done).toEqual([1, 2, 3]);
    expect((await second.onDisk()).events).toEqual([]);
  });

  it('logs and drops a failing event instead of retrying it forever, and goes on with the next', async () => {
    const done: number[] = [];
    const { inbox, logs, onDisk } = await setup(async (e) => {
      if (e.n === 1) throw new TypeError('boom');
      done.push(e.n);
    });
    inbox.start();
    await inbox.accept('p1', 'a', ev('a', 1));
    await inbox.accept('p2', 'a', ev('a', 2));
    await inbox.whenIdle();
    expect(done).toEqual([2]);
    expect((await onDisk()).events).toEqual([]);
    expect(logs.join('')).toMatch(/"type":"TypeError".*Zalo event failed; dropped/);
  });

  it('after close(), finishes the running turn and leaves the others on disk for the next start', async () => {
    const hold = gate();
    const done: number[] = [];
    const first = await setup(async (e) => {
      if (e.n === 1) await hold.opened;
      done.push(e.n);
    });
    first.inbox.start();
    for (let n = 1; n <= 4; n++) await first.inbox.accept(`c${n}`, 'a', ev('a', n));
    first.inbox.close();
    hold.open();
    await first.inbox.whenIdle();
    expect(done).toEqual([1]);
    expect((await first.onDisk()).events.map((e) => e.event.n)).toEqual([2, 3, 4]);

    const second = await setup(async (e) => void done.push(e.n), { dir: first.dir });
    second.inbox.start();
    await second.inbox.whenIdle();
    expect(done).toEqual([1, 2, 3, 4]);
  });

  it('remembers accepted keys across a restart, forgets them after 48 hours, and keeps at most the limit', async () => {
    let now = FIXED_NOW.getTime();
    const clock = () => new Date(now);
    const first = await setup(async () => undefined, { clock, seenLimit: 3 });
    first.inbox.start();
    expect(await first.inbox.accept('k1', 'a', ev('a', 1))).toBe(true);
    expect(await first.inbox.accept('k1', 'a', ev('a', 1))).toBe(false); // still held or just processed
    await first.inbox.whenIdle();

    const second = await setup(async () => undefined, { clock, seenLimit: 3, dir: first.dir });
    expect(await second.inbox.accept('k1', 'a', ev('a', 1))).toBe(false); // processed before the restart
    now += 47 * 3_600_000;
    expect(await second.inbox.accept('k1', 'a', ev('a', 1))).toBe(false);
    now += 2 * 3_600_000;
    expect(await second.inbox.accept('k1', 'a', ev('a', 1))).toBe(true); // expired: a new event as far as we know
    for (const k of ['k2', 'k3', 'k4']) expect(await second.inbox.accept(k, 'a', ev('a', 2))).toBe(true);
    expect((await second.onDisk()).seen).toHaveLength(3);
    expect(await second.inbox.accept('k4', 'a', ev('a', 2))).toBe(false);
    expect(await second.inbox.accept('k1', 'a', ev('a', 1))).toBe(true); // the oldest was let go
    expect((await second.onDisk()).seen.map(([key]) => key)).not.toContain('k1'); // keys are stored hashed
  });

  it('keeps nothing when the write fails, so the same event can be accepted once the disk is back', async () => {
    const { inbox, dir } = await setup(async () => undefined);
    await inbox.accept('w0', 'a', ev('a', 0));
    const file = path.join(dir, ZALO_INBOX_FILE);
    await rm(file);
    await mkdir(path.join(file, 'blocker'), { recursive: true }); // rename over a non-empty folder fails
    await expect(inbox.accept('w1', 'a', ev('a', 1))).rejects.toThrow();
    expect(inbox.size()).toBe(1);
    await rm(file, { recursive: true });
    expect(await inbox.accept('w1', 'a', ev('a', 1))).toBe(true);
    expect(inbox.size()).toBe(2);
  });
});

describe('POST /api/zalo and the inbox', () => {
  it('answers 503 (so Zalo retries) when the event cannot be stored, and 200 once it can', async () => {
    const oa = new FakeOa();
    await oa.start();
    const { app, cleanup } = await testApp(zaloEnv(oa.base));
    const server = await startServer(app);
    cleanups.push(cleanup, () => oa.stop(), server.close);
    const file = path.join(app.config.DATA_DIR, ZALO_INBOX_FILE);
    await mkdir(path.join(file, 'blocker'), { recursive: true });
    const send = () => sendZaloEvent(server.base, 'user-x', 'chào', { msgId: 'disk-1', timestamp: FIXED_NOW.getTime() });
    const refused = await send();
    expect(refused.status).toBe(503);
    await rm(file, { recursive: true });
    expect((await send()).status).toBe(200);
    // Not started: the event waits on disk, exactly once.
    const stored = JSON.parse(await readFile(file, 'utf8')) as { events: unknown[] };
    expect(stored.events).toHaveLength(1);
    expect((await send()).status).toBe(200);
    expect((JSON.parse(await readFile(file, 'utf8')) as { events: unknown[] }).events).toHaveLength(1);
    app.zaloInbox!.start();
    await waitFor(() => (oa.textsTo('user-x').length > 0 ? true : undefined), 10_000, 'the stored event answered');
    await app.zaloInbox!.whenIdle();
    expect(oa.textsTo('user-x')).toEqual(['Xin chào! Anh/chị cần hỏi về thủ tục hành chính nào ạ?']);
  });
});
