/**
 * Staff sessions, in this process's memory: a random token in an HttpOnly
 * cookie (only its hash is kept), a CSRF token the page sends back on every
 * change, an idle and an absolute expiry. A session ends with sign-out, with
 * either expiry, and when its account is disabled or gets a new password.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { credentialTag, type Role, type StaffAccount } from './accounts.js';

export interface StaffSession {
  username: string;
  role: Role;
  csrfToken: string;
  /** The account's credentialTag when the session began. */
  credential: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export const MAX_SESSIONS_PER_ACCOUNT = 10;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  private readonly sessions = new Map<string, StaffSession>();

  constructor(
    private readonly limits: SessionLimits,
    private readonly clock: () => Date,
  ) {}

  /** A new session; the token goes in the cookie and is not kept. */
  create(account: StaffAccount): { token: string; session: StaffSession } {
    this.sweep();
    // One person at a few desks and browsers; beyond that the oldest session makes room (memory stays bounded).
    const own = [...this.sessions].filter(([, s]) => s.username === account.username);
    if (own.length >= MAX_SESSIONS_PER_ACCOUNT) this.sessions.delete(own[0]![0]);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock().getTime();
    const session: StaffSession = {
      username: account.username, role: account.role, csrfToken: randomBytes(24).toString('base64url'),
      credential: credentialTag(account), createdAt: now, lastSeenAt: now,
    };
    this.sessions.set(digest(token), session);
    return { token, session };
  }

  /** The live session of a cookie's token, its idle time restarted; undefined when unknown or expired. */
  touch(token: string | undefined): StaffSession | undefined {
    if (!token) return undefined;
    const key = digest(token);
    const session = this.sessions.get(key);
    if (!session) return undefined;
    const now = this.clock().getTime();
    if (this.expired(session, now)) {
      this.sessions.delete(key);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  end(token: string | undefined): void {
    if (token) this.sessions.delete(digest(token));
  }

  get size(): number {
    return this.sessions.size;
  }

  private expired(s: StaffSession, now: number): boolean {
    return now - s.lastSeenAt >= this.limits.idleMs || now - s.createdAt >= this.limits.absoluteMs;
  }

  private sweep(): void {
    const now = this.clock().getTime();
    for (const [key, s] of this.sessions) if (this.expired(s, now)) this.sessions.delete(key);
  }
}

/** The CSRF header against the session's token, in constant time. */
export function csrfMatches(session: StaffSession, header: string | undefined): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(session.csrfToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
