/**
 * Flood control for the web chat's unauthenticated doors: how many tokens, new
 * conversations and posted activities one client address may have per minute.
 * Past the limit the answer is 429 with Retry-After, before any work is done.
 */
import { isIPv6 } from 'node:net';
import type { Request, Response } from 'restify';
import { RateLimiter } from '../../security/rateLimiter.js';

export type ThrottleKind = 'tokens' | 'conversations' | 'posts';

export interface ThrottleOptions {
  tokensPerMinute: number;
  postsPerMinute: number;
  /** Behind a reverse proxy (nginx): the client is the right-most X-Forwarded-For entry. */
  trustProxy: boolean;
}

export class WebChatThrottle {
  private readonly limiters: Record<ThrottleKind, RateLimiter>;

  constructor(
    private readonly options: ThrottleOptions,
    clock: () => Date,
  ) {
    const perMinute = (limit: number) => new RateLimiter({ limit, windowMs: 60_000 }, clock);
    // A page load takes one token and starts one conversation: the two are counted apart, each at the token rate.
    this.limiters = {
      tokens: perMinute(options.tokensPerMinute),
      conversations: perMinute(options.tokensPerMinute),
      posts: perMinute(options.postsPerMinute),
    };
  }

  /** Counts the request; when over the limit answers 429 and returns false. */
  admit(kind: ThrottleKind, req: Request, res: Response): boolean {
    const decision = this.limiters[kind].take(clientAddress(req, this.options.trustProxy));
    if (decision.allowed) return true;
    res.setHeader('retry-after', String(decision.retryAfterSeconds));
    res.send(429, { error: { code: 'TooManyRequests', message: `too many requests from this address; retry after ${decision.retryAfterSeconds} s` } });
    return false;
  }
}

/**
 * The address a request is counted under. X-Forwarded-For is client-written
 * except for the entry the proxy appended last, so only the right-most one is
 * trusted, and only when TRUST_PROXY says a proxy is in front. IPv6 clients
 * are counted per /64, the block one subscriber usually gets.
 */
export function clientAddress(req: AddressedRequest, trustProxy: boolean): string {
  return normalise(exactClientAddress(req, trustProxy)) || 'unknown';
}

type AddressedRequest = Pick<Request, 'header'> & { socket?: { remoteAddress?: string } };

/** The client's own address as the audit log records it (IPv6 in full, not its /64). */
export function exactClientAddress(req: AddressedRequest, trustProxy: boolean): string {
  let address = req.socket?.remoteAddress ?? '';
  if (trustProxy) {
    const forwarded = req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (forwarded) address = forwarded;
  }
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1') || 'unknown';
}

function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, "::" filled in (a zone id like %eth0 is dropped). */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}
