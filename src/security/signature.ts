/**
 * HMAC-SHA256 signatures over `${timestamp}.${body}`, sent as
 * `X-Signature: sha256=<hex>` with `X-Timestamp: <unix seconds>`: used for
 * events we receive and webhooks we send.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type SignatureCheck = 'valid' | 'missing' | 'invalid' | 'stale';

export function checkSignature(secret: string, headers: { signature?: string; timestamp?: string }, body: string, now: Date): SignatureCheck {
  if (!secret || !headers.signature || !headers.timestamp) return 'missing';
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp)) return 'invalid';
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  if (Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  return 'valid';
}
