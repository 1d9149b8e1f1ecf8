import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ComplaintService } from '../src/complaints/complaintService.js';
import { EmailForwarder, WebhookForwarder } from '../src/complaints/forwarders.js';
import { Outbox } from '../src/complaints/outbox.js';
import type { ComplaintDraft } from '../src/complaints/schema.js';
import { ComplaintStore } from '../src/complaints/store.js';
import { createLogger } from '../src/logger.js';
import { VerificationGuard } from '../src/security/verificationGuard.js';
import { checkSignature } from '../src/security/signature.js';
import { tempDir } from './helpers.js';
import { freePort } from './peers.js';
import { startSmtp } from './smtp.js';
import { Receiver } from './webhookReceiver.js';

const SECRET = 'webhook-secret-0123456789';
const draft: ComplaintDraft = {
  content: 'Hồ sơ đăng ký khai sinh của tôi trễ hẹn 5 ngày mà không ai gọi báo hay gửi thư xin lỗi.',
  related: 'Hồ sơ X99.01-261116-0001',
  name: 'Nguyễn Văn An',
  address: 'Số 12 ngõ 5, phường Mẫu, tỉnh Thử',
  phone: '0912345678',
  email: '',
};
const origin = (draftId: string) => ({ draftId, channel: 'webchat', conversationKey: 'webchat:c1', reference: {} });

describe('delivery to the control office', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let now: Date;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Receiver;
  let store: ComplaintStore;
  let service: ComplaintService;
  let outbox: Outbox;

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = new Receiver(await freePort());
  });
  afterAll(async () => {
    await smtp.close();
    await receiver.down();
  });
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    now = new Date('2026-11-24T09:00:00+07:00');
    smtp.mails.length = 0;
    receiver.received.length = 0;
    store = await ComplaintStore.open(dir);
    const clock = () => now;
    service = new ComplaintService(store, await VerificationGuard.open(dir, 'g.json', clock), ['email', 'webhook'], clock);
    const forwarders = [new EmailForwarder(smtp.url, 'Trợ lý <bot@localhost>', 'kiemsoat@example.gov.vn'), new WebhookForwarder(`http://127.0.0.1:${receiver.port}/hook`, SECRET, clock, 2_000)];
    outbox = new Outbox(store, forwarders, clock, { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 600_000, random: () => 1 }, createLogger('silent'));
  });
  afterEach(async () => {
    await receiver.down();
    await cleanup();
  });

  it('sends the e-mail and the signed webhook with every field, then marks the record forwarded', async () => {
    await receiver.up();
    const { complaint } = (await service.submit(draft, origin('d1'))) as { complaint: { code: string } };
    await outbox.runOnce();

    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['kiemsoat@example.gov.vn']);
    const decoded = decodeMail(mail.raw);
    expect(decoded).toContain(`[${complaint.code}] Phản ánh, kiến nghị về thủ tục hành chính`);
    for (const part of ['Nguyễn Văn An', 'Số 12 ngõ 5, phường Mẫu, tỉnh Thử', '0912345678', 'trễ hẹn 5 ngày', 'kênh webchat', 'Hồ sơ X99.01-261116-0001']) {
      expect(decoded).toContain(part);
    }

    expect(receiver.received).toHaveLength(1);
    const hook = receiver.received[0]!;
    expect(hook.headers['idempotency-key']).toBe(`${complaint.code}:webhook`);
    expect(checkSignature(SECRET, { signature: hook.headers['x-signature'] as string, timestamp: hook.headers['x-timestamp'] as string }, hook.body, now)).toBe('valid');
    expect(JSON.parse(hook.body)).toMatchObject({ code: complaint.code, sender: { name: 'Nguyễn Văn An', phone: '0912345678', email: null }, content: draft.content });

    expect(store.get(complaint.code)?.status).toBe('forwarded');
  });

  it('keeps retrying a receiver that is down, with back-off, and delivers exactly once when it is up', async () => {
    const { complaint } = (await service.submit(draft, origin('d2'))) as { complaint: { code: string } };
    await outbox.runOnce();
    const job = () => store.jobsFor(complaint.code).find((j) => j.kind === 'webhook')!;
    expect(job()).toMatchObject({ state: 'pending', attempts: 1 });
    expect(Date.parse(job().nextAttemptAt) - now.getTime()).toBe(60_000);
    expect(store.get(complaint.code)?.status).toBe('received');

    await outbox.runOnce(); // not due yet: no new attempt
    expect(job().attempts).toBe(1);

    await receiver.up();
    now = new Date(now.getTime() + 61_000);
    await outbox.runOnce();
    await outbox.runOnce();
    now = new Date(now.getTime() + 3_600_000);
    await outbox.runOnce();
    expect(receiver.received).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
    expect(job()).toMatchObject({ state: 'done', attempts: 2 });
    expect(store.get(complaint.code)?.status).toBe('forwarded');
  });

  it('parks a job as dead after the last attempt, counts it, and re-queues it on request', async () => {
    const { complaint } = (await service.submit(draft, origin('d3'))) as { complaint: { code: string } };
    for (let i = 0; i < 3; i++) {
      await outbox.runOnce();
      now = new Date(now.getTime() + 3_600_000);
    }
    expect(outbox.deadCount()).toBe(1);
    expect(store.jobsFor(complaint.code).find((j) => j.kind === 'webhook')?.lastError).toMatch(/fetch failed|ECONNREFUSED/);
    expect(await outbox.retryDead()).toBe(1);
    await receiver.up();
    await outbox.runOnce();
    expect(outbox.deadCount()).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it('sends every attempt of one job with the same idempotency key, so receivers can drop a repeat', async () => {
    await receiver.up();
    const { complaint } = (await service.submit(draft, origin('d4'))) as { complaint: { code: string } };
    await outbox.runOnce();
    // As after a SIGKILL between the delivery and its "done" reaching the disk: the jobs are pending again.
    await store.mutate((data) => {
      for (const job of Object.values(data.jobs)) Object.assign(job, { state: 'pending', nextAttemptAt: now.toISOString() });
      data.complaints[complaint.code]!.status = 'received';
    });
    await outbox.runOnce();

    expect(receiver.received.map((r) => r.headers['idempotency-key'])).toEqual([`${complaint.code}:webhook`, `${complaint.code}:webhook`]);
    const messageIds = smtp.mails.map((m) => /^Message-ID: *(.*)$/im.exec(m.raw)?.[1]?.trim());
    expect(messageIds).toEqual([`<${complaint.code}.email@localhost>`, `<${complaint.code}.email@localhost>`]);
    expect(smtp.mails.every((m) => m.raw.includes(`X-Idempotency-Key: ${complaint.code}:email`))).toBe(true);
  });

  it('backs off exponentially with jitter, up to the ceiling', () => {
    const jittery = new Outbox(store, [], () => now, { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 10_000, random: () => 0 }, createLogger('silent'));
    expect([1, 2, 3, 4, 5].map((n) => jittery.delay(n))).toEqual([500, 1000, 2000, 4000, 5000]);
    expect([1, 2, 5].map((n) => outbox.delay(n))).toEqual([60_000, 120_000, 600_000]);
  });
});

/** The text of a simple nodemailer message: headers and a quoted-printable or base64 body, decoded. */
function decodeMail(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head)?.[1] ?? '';
  const words = subject.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQP(text.replace(/_/g, ' ')),
  );
  const isBase64 = /Content-Transfer-Encoding: base64/i.test(head);
  return `${words}\n${isBase64 ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8') : decodeQP(body)}`;
}

function decodeQP(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

describe('limits', () => {
  it('accepts at most three submissions per conversation an hour', async () => {
    const { dir, cleanup } = await tempDir();
    let now = new Date('2026-11-24T09:00:00+07:00');
    const clock = () => now;
    const service = new ComplaintService(await ComplaintStore.open(dir), await VerificationGuard.open(dir, 'g.json', clock), [], clock);
    for (const [i, phone] of ['0911111111', '0922222222', '0933333333'].entries()) {
      expect((await service.submit({ ...draft, phone }, origin(`c${i}`))).kind).toBe('created');
    }
    expect(await service.submit({ ...draft, phone: '0944444444' }, origin('c4'))).toEqual({ kind: 'limit', scope: 'conversation' });
    now = new Date(now.getTime() + 61 * 60_000);
    expect((await service.submit({ ...draft, phone: '0944444444' }, origin('c5'))).kind).toBe('created');
    await cleanup();
  });
});

describe('retention', () => {
  it('purges answered or closed feedback untouched for the retention period, and nothing else', async () => {
    const { dir, cleanup } = await tempDir();
    let now = new Date('2026-01-10T09:00:00+07:00');
    const clock = () => now;
    const store = await ComplaintStore.open(dir);
    const service = new ComplaintService(store, await VerificationGuard.open(dir, 'g.json', clock), ['email'], clock);
    const a = (await service.submit(draft, origin('a'))) as { complaint: { code: string } };
    const b = (await service.submit({ ...draft, phone: '0987654321' }, { ...origin('b'), conversationKey: 'x:2' })) as { complaint: { code: string } };
    await service.respond(a.complaint.code, 'answered', 'Đã trả lời');
    now = new Date('2026-03-01T09:00:00+07:00');
    expect(await service.purge(30)).toBe(1);
    expect(store.get(a.complaint.code)).toBeUndefined();
    expect(store.jobsFor(a.complaint.code)).toEqual([]);
    expect(store.get(b.complaint.code)?.status).toBe('received');
    await cleanup();
  });
});
