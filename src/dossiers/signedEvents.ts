/**
 * Status events pushed by the one-stop-shop system to POST /api/dossiers/events.
 * The sender signs `${timestamp}.${body}` with HMAC-SHA256 and the shared
 * secret, and sends `X-Signature: sha256=<hex>` and `X-Timestamp: <unix seconds>`.
 * A missing or wrong signature, or a timestamp more than five minutes away from
 * now (a replay), is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const EVENT_TOLERANCE_SECONDS = 300;

export const dossierEventSchema = z.object({
  code: z.string().min(1),
  status: z.number().int().min(1).max(10),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type DossierEvent = z.infer<typeof dossierEventSchema>;

export function signEvent(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type SignatureCheck = 'valid' | 'missing' | 'invalid' | 'stale';

export function checkSignature(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  body: string,
  now: Date,
): SignatureCheck {
  if (!secret || !headers.signature || !headers.timestamp) return 'missing';
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp)) return 'invalid';
  const expected = Buffer.from(signEvent(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  if (Math.abs(now.getTime() / 1000 - timestamp) > EVENT_TOLERANCE_SECONDS) return 'stale';
  return 'valid';
}
