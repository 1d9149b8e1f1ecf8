import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZALO_INBOX_FILE } from '../src/channels/zalo/inbox.js';
import { tempDir } from './helpers.js';
import { freePort } from './peers.js';
import { FakeOa, sendZaloEvent, waitFor, zaloEnv } from './zaloPeers.js';

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** The real server, as `npm start` runs it, in a child process. */
function startServer(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  children.push(child);
  return { process: child, stdout: () => out, stderr: () => err, exited };
}

const children: ChildProcess[] = [];
const oa = new FakeOa();
afterAll(async () => {
  children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
  await oa.stop();
});
beforeAll(() => oa.start());

const healthy = (base: string) => waitFor(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), 30_000, 'the server up');
const health = async (base: string) => (await (await fetch(`${base}/healthz`)).json()) as { zaloInbox?: number };

// Each asks for one procedure's papers; the answer's first line names it, so every reply is traceable to its message.
const PROCEDURES: Array<[string, string]> = [
  ['đăng ký khai tử cần giấy tờ gì', 'Đăng ký khai tử'],
  ['đăng ký kết hôn cần giấy tờ gì', 'Đăng ký kết hôn'],
  ['cấp hộ chiếu phổ thông cần giấy tờ gì', 'Cấp hộ chiếu phổ thông'],
  ['đăng ký tạm trú cần giấy tờ gì', 'Đăng ký tạm trú'],
  ['đăng ký thường trú cần giấy tờ gì', 'Đăng ký thường trú'],
  ['tách hộ cần giấy tờ gì', 'Tách hộ'],
  ['gia hạn tạm trú cần giấy tờ gì', 'Gia hạn tạm trú'],
  ['chứng thực chữ ký cần giấy tờ gì', 'Chứng thực chữ ký'],
  ['đăng ký khai sinh cần giấy tờ gì', 'Đăng ký khai sinh'],
];
const USERS = Array.from({ length: 10 }, (_, i) => `zalo-user-${i}`);

/** The procedures each user has been answered about, in the order the answers came. */
const answeredTitles = (user: string) =>
  oa.textsTo(user).map((t) => t.split('\n')[0]!).filter((line) => line.startsWith('Giấy tờ cần chuẩn bị — ')).map((line) => line.slice('Giấy tờ cần chuẩn bị — '.length));

describe('SIGTERM with acknowledged Zalo events in flight', () => {
  it('loses none: every one of 90 events is answered exactly once, after a restart on the same data', { timeout: 180_000 }, async () => {
    const { dir, cleanup } = await tempDir();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { ...zaloEnv(oa.base), PORT: String(port), DATA_DIR: dir };
    oa.delayMs = 40; // turns stay in flight long enough for the signal to find queued events

    const first = startServer(env);
    await healthy(base);
    const sent: Array<{ user: string; text: string; msgId: string; timestamp: number }> = [];
    await Promise.all(USERS.map(async (user) => {
      for (const [i, [text]] of PROCEDURES.entries()) {
        const e = { user, text, msgId: `${user}-m${i}`, timestamp: Date.now() };
        sent.push(e);
        const res = await sendZaloEvent(base, user, text, e);
        expect(res.status).toBe(200);
      }
    }));
    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(sent).toHaveLength(90);
    const left = (JSON.parse(await readFile(path.join(dir, ZALO_INBOX_FILE), 'utf8')) as { events: unknown[] }).events.length;
    expect(left).toBeGreaterThan(0); // otherwise this test would not exercise the restart
    const phases = first.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { msg: string }).msg).filter((m) => m.startsWith('shutdown:'));
    expect(phases).toEqual([
      'shutdown: stopped taking requests', 'shutdown: in-flight requests finished', 'shutdown: outbox and notifier idle',
      'shutdown: Zalo turns finished, the rest stay queued', 'shutdown: done',
    ]);
    expect(first.stdout()).not.toContain('cần giấy tờ'); // no message text in the logs

    const second = startServer(env);
    await healthy(base);
    await waitFor(async () => ((await health(base)).zaloInbox === 0 ? true : undefined), 60_000, 'the inbox drained');
    for (const user of USERS) expect(answeredTitles(user)).toEqual(PROCEDURES.map(([, title]) => title));

    // Zalo redelivers some of them (events answered before and after the restart): acknowledged, not answered again.
    for (const e of sent.filter((_, i) => i % 3 === 0)) expect((await sendZaloEvent(base, e.user, e.text, e)).status).toBe(200);
    // A later message per user: its answer comes after any redelivery's would (one user's events run in order).
    await Promise.all(USERS.map((user) => sendZaloEvent(base, user, 'tách thửa hợp thửa đất cần giấy tờ gì', { msgId: `${user}-last`, timestamp: Date.now() })));
    await waitFor(() => (USERS.every((u) => answeredTitles(u).at(-1) === 'Tách thửa, hợp thửa đất') ? true : undefined), 60_000, 'the last messages answered');
    for (const user of USERS) expect(answeredTitles(user)).toEqual([...PROCEDURES.map(([, title]) => title), 'Tách thửa, hợp thửa đất']);

    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    oa.delayMs = 0;
    await cleanup();
  });
});

describe('a port already in use', () => {
  it('prints one clear line and exits non-zero, without a stack trace or touching the Zalo inbox', { timeout: 60_000 }, async () => {
    const { dir, cleanup } = await tempDir();
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    const port = (holder.address() as net.AddressInfo).port;
    // An event a previous run left: an instance that cannot listen must leave it to the one that can.
    const held = JSON.stringify({ events: [{ id: 'e1', user: 'held-user', event: {
      app_id: zaloEnv('').ZALO_APP_ID, event_name: 'user_send_text', timestamp: String(Date.now()), sender: { id: 'held-user' }, recipient: { id: 'oa-1' }, message: { text: 'chào', msg_id: 'held-1' },
    } }], seen: [] });
    await writeFile(path.join(dir, ZALO_INBOX_FILE), held);
    const child = startServer({ ...zaloEnv(oa.base), PORT: String(port), DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const code = await child.exited;
    await new Promise<void>((r) => holder.close(() => r()));
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    const lines = child.stderr().split('\n').filter((l) => l.trim() && !/DeprecationWarning|--trace-deprecation/.test(l));
    expect(lines).toEqual([`cannot listen on 127.0.0.1:${port}: address already in use`]);
    expect(await readFile(path.join(dir, ZALO_INBOX_FILE), 'utf8')).toBe(held);
    expect(oa.textsTo('held-user')).toEqual([]);
    await cleanup();
  });
});
