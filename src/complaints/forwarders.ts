/**
 * Where feedback goes: an e-mail to the control office (nodemailer over
 * SMTP_URL) and, when configured, a signed webhook. Each throws on failure;
 * the outbox retries. Every attempt of one job carries the same idempotency
 * key (the job id, "PAKN-261124-0007:webhook"): a delivery that succeeded but
 * whose "done" never reached the disk (a kill at that moment) is sent again,
 * and the receiver drops it by that key (webhook header Idempotency-Key,
 * e-mail Message-ID).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { sign } from '../security/signature.js';
import { COMPLAINT_STATUSES, type Complaint, type DeliveryKind } from './schema.js';

export interface Forwarder {
  kind: DeliveryKind;
  /** `idempotencyKey` is the same on every attempt of one job. */
  deliver(complaint: Complaint, idempotencyKey: string): Promise<void>;
}

/** A Message-ID that is the same on every attempt: `<PAKN-261124-0007.email@domain-of-SMTP_FROM>`. */
export function deliveryMessageId(idempotencyKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim())?.[1] ?? 'tro-ly-dich-vu-cong.invalid';
  return `<${idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${domain}>`;
}

const vnTime = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

/** The message the office reads: every field, the channel and the time. */
export function officeEmailText(c: Complaint): string {
  return [
    `Mã phản ánh: ${c.code}`,
    `Thời gian tiếp nhận: ${vnTime(c.createdAt)}`,
    `Kênh tiếp nhận: ${c.channel === 'hotline' ? 'tổng đài, cán bộ ghi nhận qua điện thoại (kênh hotline)' : `trợ lý ảo, kênh ${c.channel}`}`,
    `Trạng thái: ${COMPLAINT_STATUSES[c.status]}`,
    '',
    'THÔNG TIN NGƯỜI PHẢN ÁNH',
    `Họ và tên: ${c.name}`,
    `Địa chỉ: ${c.address}`,
    `Số điện thoại: ${c.phone}`,
    `Email: ${c.email || '(không có)'}`,
    '',
    'NỘI DUNG PHẢN ÁNH, KIẾN NGHỊ',
    `Thủ tục / hồ sơ liên quan: ${c.related || '(không nêu)'}`,
    c.content,
    '',
    'Trả lời người dân qua API: POST /api/complaints/' + c.code + '/response',
  ].join('\n');
}

export class EmailForwarder implements Forwarder {
  readonly kind = 'email' as const;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly to: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async deliver(c: Complaint, idempotencyKey: string): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: this.to,
      subject: `[${c.code}] Phản ánh, kiến nghị về thủ tục hành chính`,
      text: officeEmailText(c),
      messageId: deliveryMessageId(idempotencyKey, this.from),
      headers: { 'X-Tracking-Code': c.code, 'X-Idempotency-Key': idempotencyKey },
    });
  }
}

export class WebhookForwarder implements Forwarder {
  readonly kind = 'webhook' as const;

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly clock: () => Date,
    private readonly timeoutMs = 10_000,
  ) {}

  async deliver(c: Complaint, idempotencyKey: string): Promise<void> {
    const body = JSON.stringify({
      code: c.code,
      createdAt: c.createdAt,
      channel: c.channel,
      related: c.related || null,
      content: c.content,
      sender: { name: c.name, address: c.address, phone: c.phone, email: c.email || null },
    });
    const timestamp = Math.floor(this.clock().getTime() / 1000);
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
        'x-timestamp': String(timestamp),
        'x-signature': sign(this.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
  }
}

/**
 * The office's answer, delivered into the conversation the feedback came from
 * (`send` is the bot's proactive sender; it throws when the channel refuses).
 */
export function citizenAnswerForwarder(send: (reference: unknown, text: string) => Promise<void>, text: (complaint: Complaint) => string): Forwarder {
  // Feedback taken down by hotline staff has no conversation: the office answers the caller by phone or letter.
  return { kind: 'citizen', deliver: async (complaint) => (complaint.reference ? send(complaint.reference, text(complaint)) : undefined) };
}
