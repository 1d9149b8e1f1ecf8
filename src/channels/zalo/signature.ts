/**
 * Zalo OA webhook authenticity: Zalo sends `X-ZEvent-Signature: mac=<hex>`,
 * the SHA-256 of appId + raw body + the event's timestamp + the OA secret key.
 * Events older than the tolerance (replays) are refused too.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const ZALO_EVENT_TOLERANCE_MS = 5 * 60_000;

export function zaloMac(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return createHash('sha256').update(`${appId}${rawBody}${timestamp}${oaSecretKey}`).digest('hex');
}

export type ZaloCheck = 'valid' | 'missing' | 'invalid' | 'stale';

export function checkZaloSignature(
  header: string | undefined,
  rawBody: string,
  event: { app_id?: unknown; timestamp?: unknown },
  opts: { appId: string; oaSecretKey: string; now: Date },
): ZaloCheck {
  const given = header?.trim().replace(/^mac=/i, '');
  const timestamp = typeof event.timestamp === 'string' || typeof event.timestamp === 'number' ? String(event.timestamp) : '';
  if (!given || !timestamp) return 'missing';
  if (String(event.app_id ?? '') !== opts.appId) return 'invalid';
  const expected = Buffer.from(zaloMac(opts.appId, rawBody, timestamp, opts.oaSecretKey));
  const actual = Buffer.from(given.toLowerCase());
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'invalid';
  if (Math.abs(opts.now.getTime() - Number(timestamp)) > ZALO_EVENT_TOLERANCE_MS) return 'stale';
  return 'valid';
}
