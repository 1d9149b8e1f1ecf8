/**
 * The complaints file shared by the server and the CLI (or two instances):
 * limits hold under concurrency, a purge stays purged, feedback taken before
 * a forwarder existed is forwarded once one does, and the CLI run beside a
 * running app takes effect.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { ComplaintService } from '../src/complaints/complaintService.js';
import type { ComplaintDraft, ComplaintOrigin } from '../src/complaints/schema.js';
import { ComplaintStore, COMPLAINTS_FILE } from '../src/complaints/store.js';
import { parseConfig } from '../src/config.js';
import { VerificationGuard } from '../src/security/verificationGuard.js';
import { bundledCatalogue, tempDir, testApp } from './helpers.js';
import { freePort } from './peers.js';
import { Receiver } from './webhookReceiver.js';

const run = promisify(execFile);
const complaintsCli = (args: string[]) => run('node_modules/.bin/tsx', ['src/cli/complaints.ts', ...args], { env: { ...process.env, KNOWLEDGE_PATH: 'knowledge' } });

const SECRET = 'webhook-secret-0123456789';
const draft: ComplaintDraft = {
  content: 'Cán bộ một cửa yêu cầu nộp thêm giấy tờ không có trong quy định của thủ tục đăng ký khai sinh.',
  related: '',
  name: 'Nguyễn Văn An',
  address: 'Số 12 ngõ 5, phường Mẫu, tỉnh Thử',
  phone: '0912345678',
  email: '',
};
const origin = (draftId: string, conversation = draftId): ComplaintOrigin => ({ draftId, channel: 'webchat', conversationKey: `webchat:${conversation}`, reference: {} });
const onDisk = async (dir: string) => JSON.parse(await readFile(path.join(dir, COMPLAINTS_FILE), 'utf8')) as { complaints: Record<string, { status: string }>; jobs: Record<string, { state: string }> };

async function services(dir: string, count: number, clock: () => Date): Promise<ComplaintService[]> {
  const out: ComplaintService[] = [];
  for (let i = 0; i < count; i++) out.push(new ComplaintService(await ComplaintStore.open(dir), await VerificationGuard.open(dir, `g${i}.json`, clock), ['email'], clock));
  return out;
}

describe('limits under concurrency', () => {
  const clock = () => new Date('2026-11-24T09:00:00+07:00');

  it.each([1, 2])('admits exactly 3 of 20 simultaneous submissions with one phone (%i service instances on the folder)', { timeout: 60_000 }, async (instances) => {
    const { dir, cleanup } = await tempDir();
    const all = await services(dir, instances, clock);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => all[i % instances]!.submit(draft, origin(`p${i}`))));
    expect(results.filter((r) => r.kind === 'created')).toHaveLength(3);
    expect(results.filter((r) => r.kind === 'limit' && r.scope === 'phone')).toHaveLength(17);
    const file = await onDisk(dir);
    expect(Object.keys(file.complaints).sort()).toEqual(['PAKN-261124-0001', 'PAKN-261124-0002', 'PAKN-261124-0003']);
    expect(Object.keys(file.jobs)).toHaveLength(3);
    await cleanup();
  });

  it('admits exactly 3 of 20 simultaneous submissions from one conversation, across two instances', { timeout: 60_000 }, async () => {
    const { dir, cleanup } = await tempDir();
    const all = await services(dir, 2, clock);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => all[i % 2]!.submit({ ...draft, phone: `09${String(i).padStart(8, '0')}` }, origin(`c${i}`, 'same'))));
    expect(results.filter((r) => r.kind === 'created')).toHaveLength(3);
    expect(Object.keys((await onDisk(dir)).complaints)).toHaveLength(3);
    await cleanup();
  });

  it('makes one record of one draft confirmed 20 times at once, across two instances', { timeout: 60_000 }, async () => {
    const { dir, cleanup } = await tempDir();
    const all = await services(dir, 2, clock);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => all[i % 2]!.submit(draft, origin('one-draft'))));
    const codes = new Set(results.map((r) => (r.kind === 'created' ? r.complaint.code : r.kind)));
    expect([...codes]).toEqual(['PAKN-261124-0001']);
    expect(results.filter((r) => r.kind === 'created' && !r.repeated)).toHaveLength(1);
    expect(Object.keys((await onDisk(dir)).complaints)).toEqual(['PAKN-261124-0001']);
    await cleanup();
  });
});

describe('a purge by another process', () => {
  it('is not undone by a delivery that ends afterwards or by the next write', async () => {
    const { dir, cleanup } = await tempDir();
    let now = new Date('2026-01-10T09:00:00+07:00');
    const clock = () => now;
    const [server, cli] = await services(dir, 2, clock);
    const serverStore = await ComplaintStore.open(dir);
    const created = await server!.submit(draft, origin('a'));
    const code = created.kind === 'created' ? created.complaint.code : '';
    await server!.respond(code, 'answered', 'Đã trả lời');
    await serverStore.refresh();
    expect(serverStore.get(code)).toBeDefined(); // the server's copy, read before the purge

    now = new Date('2026-03-01T09:00:00+07:00');
    expect(await cli!.purge(30)).toBe(1);
    // A delivery of the server's that finishes now, and its next record.
    expect(await serverStore.updateJob(`${code}:email`, (job) => void (job.state = 'done'))).toBe(false);
    await server!.submit({ ...draft, phone: '0987654321' }, origin('b'));
    const file = await onDisk(dir);
    expect(Object.keys(file.complaints)).toEqual(['PAKN-260301-0001']);
    expect(Object.keys(file.jobs)).toEqual(['PAKN-260301-0001:email']);
    await serverStore.refresh();
    expect(serverStore.get(code)).toBeUndefined();
    await cleanup();
  });
});

describe('feedback acknowledged while no forwarder was configured', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = new Receiver(await freePort());
    await receiver.up();
  });
  afterAll(() => receiver.down());

  it('is counted by `complaints status`, then forwarded exactly once after a restart with a webhook', { timeout: 60_000 }, async () => {
    const { app, dir, cleanup } = await testApp();
    expect(app.deps.forwarding).toBe(false);
    const created = await app.complaints.submit(draft, origin('before-config'));
    const code = created.kind === 'created' ? created.complaint.code : '';
    await app.outbox.runOnce();
    const status = JSON.parse((await complaintsCli(['status', '--data', dir])).stdout) as Record<string, unknown>;
    expect(status).toMatchObject({ complaints: { received: 1 }, acknowledgedNotForwarded: 1, acknowledgedWithoutDelivery: 1 });
    expect(JSON.stringify(status)).not.toMatch(/Nguyễn|0912/);

    // The restart, now with a webhook configured.
    const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', HOTLINE: '1900 1234', COMPLAINT_WEBHOOK_URL: receiver.url, COMPLAINT_WEBHOOK_SECRET: SECRET });
    const restarted = await createApp(config, { clock: app.clock, catalogue: await bundledCatalogue() });
    await restarted.outbox.runOnce();
    await restarted.outbox.runOnce();
    expect(receiver.received.map((r) => r.headers['idempotency-key'])).toEqual([`${code}:webhook`]);
    expect(restarted.complaintStore.get(code)?.status).toBe('forwarded');
    expect(JSON.parse((await complaintsCli(['status', '--data', dir])).stdout)).toMatchObject({ acknowledgedNotForwarded: 0, deliveries: { done: 1 } });
    await cleanup();
  });
});

describe('the complaints CLI while the app is running on the same folder', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = new Receiver(await freePort());
  });
  afterAll(() => receiver.down());

  it('re-queues dead deliveries, and the app\'s next outbox pass delivers them', { timeout: 60_000 }, async () => {
    // Real time on both sides: the CLI re-queues "due now" by its own clock.
    const { app, dir, cleanup } = await testApp(
      { COMPLAINT_WEBHOOK_URL: receiver.url, COMPLAINT_WEBHOOK_SECRET: SECRET, COMPLAINT_MAX_ATTEMPTS: '1' },
      { clock: () => new Date() },
    );
    const created = await app.complaints.submit(draft, origin('dead-one'));
    const code = created.kind === 'created' ? created.complaint.code : '';
    await app.outbox.runOnce(); // receiver down: the only attempt fails, the job is dead
    expect(app.outbox.deadCount()).toBe(1);

    expect((await complaintsCli(['retry-dead', '--data', dir])).stdout).toMatch(/Đã đưa lại 1 lượt gửi/);
    await receiver.up();
    await app.outbox.runOnce();
    expect(receiver.received.map((r) => r.headers['idempotency-key'])).toEqual([`${code}:webhook`]);
    expect(app.outbox.deadCount()).toBe(0);
    expect(app.complaintStore.get(code)?.status).toBe('forwarded');
    expect((await onDisk(dir)).jobs[`${code}:webhook`]?.state).toBe('done');
    await cleanup();
  });

  it('purges, and the app\'s next write does not bring the purged record back', { timeout: 60_000 }, async () => {
    let now = new Date('2020-01-10T09:00:00+07:00'); // long past: the CLI's own clock sees it beyond retention
    const { app, dir, cleanup } = await testApp({}, { clock: () => now });
    const first = await app.complaints.submit(draft, origin('old'));
    const oldCode = first.kind === 'created' ? first.complaint.code : '';
    await app.complaints.respond(oldCode, 'answered', 'Đã trả lời');
    expect(app.complaintStore.get(oldCode)).toBeDefined();

    expect((await complaintsCli(['purge', '--days', '30', '--data', dir])).stdout).toMatch(/Đã xóa 1 phản ánh/);
    now = new Date('2020-01-11T09:00:00+07:00');
    const second = await app.complaints.submit({ ...draft, phone: '0987654321' }, origin('new'));
    const newCode = second.kind === 'created' ? second.complaint.code : '';

    const file = await onDisk(dir);
    expect(Object.keys(file.complaints)).toEqual([newCode]);
    expect(JSON.stringify(file)).not.toContain(oldCode);
    expect(app.complaintStore.get(oldCode)).toBeUndefined();
    expect(app.complaintStore.all().map((c) => c.code)).toEqual([newCode]);
    expect(await app.complaints.respond(oldCode, 'closed', null)).toBeUndefined();
    await cleanup();
  });
});
