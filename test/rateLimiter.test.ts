import { describe, expect, it } from 'vitest';
import { clientAddress } from '../src/channels/directline/throttle.js';
import { RateLimiter } from '../src/security/rateLimiter.js';
import { FIXED_NOW } from './helpers.js';

function limiter(limit: number, maxKeys?: number) {
  let now = FIXED_NOW.getTime();
  const l = new RateLimiter({ limit, windowMs: 60_000, maxKeys }, () => new Date(now));
  return { l, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('admits the limit per key and window, then says how long to wait', () => {
    const { l, advance } = limiter(3);
    expect([1, 2, 3].map(() => l.take('a').allowed)).toEqual([true, true, true]);
    advance(20_000);
    expect(l.take('a')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(l.take('b')).toEqual({ allowed: true, remaining: 2 });
    advance(40_000);
    expect(l.take('a')).toEqual({ allowed: true, remaining: 2 });
  });

  it('does not count refused hits towards a later window', () => {
    const { l, advance } = limiter(1);
    l.take('a');
    for (let i = 0; i < 100; i++) expect(l.take('a').allowed).toBe(false);
    advance(60_000);
    expect(l.take('a').allowed).toBe(true);
  });

  it('is off with a limit of 0', () => {
    const { l } = limiter(0);
    for (let i = 0; i < 1000; i++) expect(l.take('a').allowed).toBe(true);
    expect(l.size).toBe(0);
  });

  it('remembers a bounded number of keys and forgets ended windows', () => {
    const { l, advance } = limiter(1, 3);
    for (const k of ['a', 'b', 'c', 'd']) l.take(k);
    expect(l.size).toBe(3);
    // 'a' was the oldest window and was forgotten; the others still count.
    expect(l.take('a').allowed).toBe(true);
    expect(l.take('d').allowed).toBe(false);
    advance(60_000);
    l.take('e');
    expect(l.size).toBe(1);
  });

  it('refuses impossible settings', () => {
    expect(() => new RateLimiter({ limit: 1, windowMs: 0 }, () => FIXED_NOW)).toThrow(RangeError);
    expect(() => new RateLimiter({ limit: -1, windowMs: 1 }, () => FIXED_NOW)).toThrow(RangeError);
  });
});

describe('clientAddress', () => {
  const req = (remoteAddress: string | undefined, forwarded?: string) => ({
    socket: { remoteAddress },
    header: (name: string) => (name.toLowerCase() === 'x-forwarded-for' ? forwarded : undefined),
  }) as Parameters<typeof clientAddress>[0];

  it('uses the socket address and ignores X-Forwarded-For unless a proxy is trusted', () => {
    expect(clientAddress(req('203.0.113.7', '198.51.100.1'), false)).toBe('203.0.113.7');
    expect(clientAddress(req('::ffff:203.0.113.7'), false)).toBe('203.0.113.7');
    expect(clientAddress(req(undefined), false)).toBe('unknown');
  });

  it('behind a trusted proxy takes the right-most X-Forwarded-For entry, which the proxy wrote', () => {
    expect(clientAddress(req('127.0.0.1', '6.6.6.6, 198.51.100.1'), true)).toBe('198.51.100.1');
    expect(clientAddress(req('127.0.0.1', '198.51.100.1,'), true)).toBe('198.51.100.1');
    expect(clientAddress(req('127.0.0.1', ''), true)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1'), true)).toBe('127.0.0.1');
  });

  it('counts an IPv6 client per /64', () => {
    const a = clientAddress(req('2001:db8:1:2::1'), false);
    expect(clientAddress(req('2001:db8:1:2:ffff:eeee:dddd:9'), false)).toBe(a);
    expect(clientAddress(req('2001:0DB8:0001:0002::abcd'), false)).toBe(a);
    expect(clientAddress(req('2001:db8:1:3::1'), false)).not.toBe(a);
    expect(clientAddress(req('::1'), false)).toBe('0:0:0:0::/64');
  });
});
