/**
 * Direct Line tokens for the built-in endpoint: each token names one
 * conversation and one user, expires, and is signed (HMAC-SHA256), so a page
 * can only read and write its own conversation.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const claimsSchema = z.object({ conv: z.string(), user: z.string(), exp: z.number() });
export type TokenClaims = z.infer<typeof claimsSchema>;

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export class TokenIssuer {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
    private readonly clock: () => Date,
  ) {}

  issue(conversationId: string, userId: string): { token: string; expires_in: number } {
    const claims: TokenClaims = { conv: conversationId, user: userId, exp: Math.floor(this.clock().getTime() / 1000) + this.ttlSeconds };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${body}.${this.mac(body)}`, expires_in: this.ttlSeconds };
  }

  check(authorization: string | undefined): TokenCheck {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
    if (!token) return { ok: false, reason: 'missing' };
    const [body, mac] = token.split('.');
    if (!body || !mac) return { ok: false, reason: 'invalid' };
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
    const claims = claimsSchema.safeParse(safeJson(Buffer.from(body, 'base64url').toString('utf8')));
    if (!claims.success) return { ok: false, reason: 'invalid' };
    if (claims.data.exp * 1000 <= this.clock().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, claims: claims.data };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
