/**
 * The console's HTTP guard: the session cookie (HttpOnly, SameSite=Strict,
 * Secure over HTTPS), the account re-checked on every request (disabled, or a
 * new password since the session began: out), and for every state-changing
 * call the CSRF token in `x-csrf-token` plus, when the browser sends one, an
 * Origin equal to our own.
 */
import type { Request, Response } from 'restify';
import { credentialTag, type StaffAccounts } from './accounts.js';
import { csrfMatches, type SessionStore, type StaffSession } from './sessions.js';

export const SESSION_COOKIE = 'staff_session';

export function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.header('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    // Tokens are base64url: nothing to decode, so a malformed escape is just a wrong token.
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Served over HTTPS: directly, or behind a proxy we trust to say so. */
export function isHttps(req: Request, trustProxy: boolean): boolean {
  return req.isSecure() || (trustProxy && req.header('x-forwarded-proto') === 'https');
}

export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

export class StaffAuth {
  constructor(
    private readonly sessions: SessionStore,
    private readonly accounts: StaffAccounts,
    private readonly trustProxy: boolean,
  ) {}

  /** The request's live session, or undefined (no cookie, expired, account disabled or re-keyed). */
  async session(req: Request): Promise<StaffSession | undefined> {
    const token = cookie(req, SESSION_COOKIE);
    const session = this.sessions.touch(token);
    if (!session) return undefined;
    const account = await this.accounts.find(session.username);
    if (!account || account.disabled || credentialTag(account) !== session.credential) {
      this.sessions.end(token);
      return undefined;
    }
    return session;
  }

  /**
   * The session an API call may act under, or undefined after answering 401
   * (no session), 403 (a change without the CSRF token, from another origin,
   * or beyond the role).
   */
  async require(req: Request, res: Response, options: { change?: boolean; role?: 'admin' } = {}): Promise<StaffSession | undefined> {
    const session = await this.session(req);
    if (!session) {
      res.send(401, { error: 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại.' });
      return undefined;
    }
    if (options.change && (!sameOrigin(req, this.trustProxy) || !csrfMatches(session, req.header('x-csrf-token')))) {
      res.send(403, { error: 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.' });
      return undefined;
    }
    if (options.role === 'admin' && session.role !== 'admin') {
      res.send(403, { error: 'Chỉ quản trị viên được xem mục này.' });
      return undefined;
    }
    return session;
  }
}

/**
 * No Origin (curl, same-origin GET) is allowed; an Origin must name the host
 * the browser asked for: Host, or behind a trusted proxy X-Forwarded-Host
 * (a proxy that rewrites Host sends it; nginx: proxy_set_header X-Forwarded-Host $host).
 */
function sameOrigin(req: Request, trustProxy: boolean): boolean {
  const origin = req.header('origin');
  if (!origin) return true;
  const host = ((trustProxy && req.header('x-forwarded-host')?.split(',')[0]?.trim()) || req.header('host') || '').toLowerCase();
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
