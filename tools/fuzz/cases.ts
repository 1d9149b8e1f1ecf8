/**
 * Hostile and malformed requests, one generator per kind. Each draws from the
 * seeded source only, so a seed names a replayable sequence. Every route the
 * server has is covered; the weights favour the public, unauthenticated ones.
 */
import { randomUUID } from 'node:crypto';
import { gzipSync, deflateSync, brotliCompressSync } from 'node:zlib';
import { sign } from '../../src/security/signature.js';
import { zaloMac } from '../../src/channels/zalo/signature.js';
import type { Prng } from './prng.js';

export interface FuzzRequest {
  /** What the table groups by: the kind of request, not its path. */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface FuzzContext {
  /** A loopback URL that answers any POST with 200 (the connector and Zalo API stand-in). */
  sinkUrl: string;
  zalo: { appId: string; oaSecretKey: string };
  eventsSecret: string;
  officeToken: string;
  /** Web chat conversations opened before the run. */
  conversations: Array<{ id: string; token: string }>;
  now: () => number;
}

type Generator = (rng: Prng, ctx: FuzzContext) => FuzzRequest;

const QUESTIONS = [
  'đăng ký khai sinh cần giấy tờ gì', 'dk khai sinh', 'cccd', 'mất bằng lái', 'lệ phí hộ chiếu bao nhiêu', 'tra cứu hồ sơ',
  'phản ánh', 'đúng rồi', 'hủy', 'giúp tôi', 'X99.01-261116-0001', 'PAKN-261202-0001', 'xin chào', 'menu', 'gặp nhân viên',
];
const POST_ROUTES = ['/api/messages', '/api/zalo', '/api/dossiers/events', '/api/complaints/PAKN-261202-0001/response', '/api/webchat/token', '/v3/directline/conversations', '/v3/directline/tokens/refresh'];
const GET_PATHS = ['/healthz', '/chat', '/embed.js', '/nope', '/webchat/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/chat?x=' + 'a'.repeat(3000), '/api/messages', '/v3/directline/conversations/x/activities?watermark=-1'];
const CHANNELS = ['emulator', 'msteams', 'webchat', 'zalo', 'directline', 'facebook', ''];

/** Any text as a path segment, byte by byte (lone surrogates included, which encodeURIComponent refuses). */
const pathSegment = (text: string) => [...Buffer.from(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const jsonHeaders = { 'content-type': 'application/json' };
/** A random JSON value of bounded size, the kind a careless or hostile client sends in place of the expected one. */
function junk(rng: Prng, depth = 0): unknown {
  switch (rng.int(0, depth > 3 ? 4 : 7)) {
    case 0: return null;
    case 1: return rng.int(-1e9, 1e9) * (rng.chance(0.2) ? 1e300 : 1);
    case 2: return rng.chance(0.5);
    case 3: return rng.text(rng.int(0, 40));
    case 4: return rng.text(rng.int(0, 5000));
    case 5: return Array.from({ length: rng.int(0, 5) }, () => junk(rng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: rng.int(0, 5) }, () => [rng.pick(['type', 'text', 'value', 'id', '__proto__', 'constructor', rng.text(5)]), junk(rng, depth + 1)]));
  }
}

function activity(rng: Prng, ctx: FuzzContext, text: string): Record<string, unknown> {
  const channelId = rng.pick(CHANNELS);
  const user = `u${rng.int(0, 20)}`;
  return {
    type: rng.pick(['message', 'message', 'message', 'conversationUpdate', 'typing', 'event', 'invoke', 'endOfConversation']),
    id: randomUUID(), timestamp: new Date(ctx.now()).toISOString(), channelId, serviceUrl: ctx.sinkUrl, text,
    from: { id: channelId === 'zalo' ? `zalo-user-${rng.int(0, 3)}` : user, name: 'Fuzz' },
    conversation: { id: channelId === 'zalo' ? `zalo:zalo-user-${rng.int(0, 3)}` : `conv-${user}` },
    recipient: { id: 'bot', name: 'Bot' }, locale: 'vi-VN',
  };
}

/** Replaces one field of an object (or a nested one) with a value of the wrong type. */
function mutate(rng: Prng, value: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(value);
  const key = rng.pick(keys);
  const out = { ...value };
  if (rng.chance(0.2)) delete out[key];
  else out[key] = junk(rng);
  return out;
}

function nested(depth: number): Buffer {
  return Buffer.from('['.repeat(depth) + ']'.repeat(depth));
}

const directLine = (rng: Prng, ctx: FuzzContext) => rng.pick(ctx.conversations);
function authHeader(rng: Prng, ctx: FuzzContext, token: string): Record<string, string> {
  const r = rng.int(0, 9);
  if (r === 0) return {};
  if (r === 1) return { authorization: `Bearer ${rng.text(rng.int(0, 300))}`.replace(/[^\x20-\x7e]/g, 'x') };
  if (r === 2) return { authorization: `Bearer ${directLine(rng, ctx).token}` }; // another conversation's token
  if (r === 3) return { authorization: `Bearer ${token.slice(0, -4)}AAAA` }; // forged signature
  return { authorization: `Bearer ${token}` };
}

export const GENERATORS: Record<string, { weight: number; make: Generator }> = {
  'messages: activity': { weight: 10, make: (rng, ctx) => ({ kind: '', method: 'POST', path: '/api/messages', headers: jsonHeaders, body: json(activity(rng, ctx, rng.chance(0.7) ? rng.pick(QUESTIONS) : rng.text(rng.int(0, 300)))) }) },
  'messages: wrong types': { weight: 8, make: (rng, ctx) => ({ kind: '', method: 'POST', path: '/api/messages', headers: jsonHeaders, body: json(mutate(rng, activity(rng, ctx, rng.pick(QUESTIONS)))) }) },
  'messages: 100k text': { weight: 2, make: (rng, ctx) => ({ kind: '', method: 'POST', path: '/api/messages', headers: jsonHeaders, body: json({ ...activity(rng, ctx, ''), type: 'message', text: rng.text(100_000) }) }) },
  'messages: foreign serviceUrl': { weight: 2, make: (rng, ctx) => ({ kind: '', method: 'POST', path: '/api/messages', headers: jsonHeaders, body: json({ ...activity(rng, ctx, 'xin chào'), serviceUrl: rng.pick(['http://example.com', 'http://169.254.169.254/', 'file:///etc/passwd', 'not a url']) }) }) },
  'body: deep nesting': { weight: 3, make: (rng) => ({ kind: '', method: 'POST', path: rng.pick(POST_ROUTES), headers: jsonHeaders, body: nested(rng.int(65, 20_000)) }) },
  'body: not JSON': { weight: 4, make: (rng) => ({ kind: '', method: 'POST', path: rng.pick(POST_ROUTES), headers: jsonHeaders, body: Buffer.from(rng.pick(['{', '{"a":', 'null', '[]', '"x"', '\u0000\u0001', rng.text(rng.int(1, 2000))])) }) },
  'body: random bytes': { weight: 2, make: (rng) => ({ kind: '', method: 'POST', path: rng.pick(POST_ROUTES), headers: jsonHeaders, body: Buffer.from(Array.from({ length: rng.int(1, 4000) }, () => rng.int(0, 255))) }) },
  'body: gzip bomb': { weight: 2, make: (rng) => ({ kind: '', method: 'POST', path: rng.pick(POST_ROUTES), headers: { ...jsonHeaders, 'content-encoding': rng.pick(['gzip', 'deflate', 'br']) }, body: bomb(rng) }) },
  'body: compressed JSON': { weight: 2, make: (rng, ctx) => compressed(rng, json(activity(rng, ctx, rng.pick(QUESTIONS)))) },
  'body: unknown encoding': { weight: 1, make: (rng) => ({ kind: '', method: 'POST', path: rng.pick(POST_ROUTES), headers: { ...jsonHeaders, 'content-encoding': rng.pick(['xz', 'compress', 'gzip, br', 'zstd']) }, body: Buffer.from('{}') }) },
  'body: corrupt gzip': { weight: 1, make: (rng) => ({ kind: '', method: 'POST', path: rng.pick(POST_ROUTES), headers: { ...jsonHeaders, 'content-encoding': 'gzip' }, body: Buffer.from(rng.text(200)) }) },
  'body: multipart': { weight: 2, make: (rng) => multipart(rng) },
  'body: other type': { weight: 2, make: (rng) => ({ kind: '', method: 'POST', path: rng.pick(POST_ROUTES), headers: { 'content-type': rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', 'application/xml', '', 'application/json; charset=latin1']) }, body: Buffer.from('a=1&b=2') }) },
  'body: over the limit': { weight: 1, make: (rng) => ({ kind: '', method: 'POST', path: rng.pick(POST_ROUTES), headers: jsonHeaders, body: json({ text: 'x'.repeat(300_000) }) }) },
  'body: declared huge': { weight: 1, make: (rng) => ({ kind: '', method: 'POST', path: rng.pick(POST_ROUTES), headers: { ...jsonHeaders, 'x-fuzz-content-length': String(10_000_000_000) }, body: Buffer.from('{}') }) },
  'directline: post activity': { weight: 12, make: (rng, ctx) => directLinePost(rng, ctx) },
  'directline: read': { weight: 4, make: (rng, ctx) => {
    const c = directLine(rng, ctx);
    const watermark = rng.pick(['', '?watermark=0', '?watermark=-5', '?watermark=abc', `?watermark=${rng.int(0, 1e12)}`, '?watermark[]=1']);
    return { kind: '', method: 'GET', path: `/v3/directline/conversations/${rng.chance(0.9) ? c.id : pathSegment(rng.text(30))}/activities${watermark}`, headers: authHeader(rng, ctx, c.token) };
  } },
  'directline: tokens and conversations': { weight: 4, make: (rng, ctx) => {
    const c = directLine(rng, ctx);
    const path = rng.pick(['/api/webchat/token', '/v3/directline/conversations', '/v3/directline/tokens/refresh', `/v3/directline/conversations/${c.id}`]);
    return { kind: '', method: path.endsWith(c.id) ? 'GET' : 'POST', path, headers: authHeader(rng, ctx, c.token) };
  } },
  'zalo: signed event': { weight: 8, make: (rng, ctx) => zaloEvent(rng, ctx, true) },
  'zalo: forged or stale': { weight: 4, make: (rng, ctx) => zaloEvent(rng, ctx, false) },
  'dossier events': { weight: 4, make: (rng, ctx) => dossierEvent(rng, ctx) },
  'office answers': { weight: 4, make: (rng, ctx) => {
    const code = rng.pick(['PAKN-261202-0001', 'pakn 261202 0002', 'PA-2611-ABCD', rng.text(12), '..%2f..%2f', 'PA-' + 'X'.repeat(500)]);
    const body = rng.chance(0.6) ? { status: rng.pick(['in-progress', 'answered', 'closed', 'lost']), answer: rng.chance(0.7) ? rng.text(rng.int(0, 6000)) : undefined } : junk(rng);
    const authorization = rng.chance(0.7) ? `Bearer ${ctx.officeToken}` : `Bearer ${ctx.officeToken}x`;
    return { kind: '', method: 'POST', path: `/api/complaints/${pathSegment(code)}/response`, headers: { ...jsonHeaders, authorization }, body: json(body) };
  } },
  'static and unknown paths': { weight: 3, make: (rng) => ({ kind: '', method: 'GET', path: rng.chance(0.02) ? '/webchat/webchat.js' : rng.pick(GET_PATHS), headers: rng.chance(0.3) ? { 'accept-encoding': 'gzip, br' } : ({} as Record<string, string>) }) },
  'wrong method': { weight: 2, make: (rng) => ({ kind: '', method: rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']), path: rng.pick([...POST_ROUTES, ...GET_PATHS]), headers: jsonHeaders, body: Buffer.from('{}') }) },
  'huge headers': { weight: 1, make: (rng) => ({ kind: '', method: 'GET', path: '/healthz', headers: { 'x-junk': 'a'.repeat(rng.int(8_000, 40_000)) } }) },
};

let bombs: Record<string, Buffer> | undefined;
/** 4 MB of zeros, compressed to a few kilobytes: 16 times the body limit once inflated. */
function bomb(rng: Prng): Buffer {
  bombs ??= (() => {
    const zeros = Buffer.alloc(4 * 1024 * 1024, '0');
    return { gzip: gzipSync(zeros), deflate: deflateSync(zeros), br: brotliCompressSync(zeros) };
  })();
  return rng.pick([bombs.gzip!, bombs.deflate!, bombs.br!]);
}

function compressed(rng: Prng, body: Buffer): FuzzRequest {
  const encoding = rng.pick(['gzip', 'deflate', 'br']);
  const data = encoding === 'gzip' ? gzipSync(body) : encoding === 'deflate' ? deflateSync(body) : brotliCompressSync(body);
  return { kind: '', method: 'POST', path: '/api/messages', headers: { ...jsonHeaders, 'content-encoding': encoding }, body: data };
}

function multipart(rng: Prng): FuzzRequest {
  const boundary = `----fuzz${rng.int(0, 1e9)}`;
  const file = Buffer.alloc(rng.int(1_000, 200_000), 'x');
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { kind: '', method: 'POST', path: rng.pick(POST_ROUTES), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

function directLinePost(rng: Prng, ctx: FuzzContext): FuzzRequest {
  const c = directLine(rng, ctx);
  const type = rng.pick(['message', 'message', 'typing', 'event', 'conversationUpdate', 'invoke', 42]);
  const size = rng.pick([10, 1_000, 4_000, 5_000, 200_000]);
  const body: Record<string, unknown> = { type, from: { id: rng.chance(0.9) ? 'me' : rng.text(20) } };
  if (rng.chance(0.8)) body.text = rng.chance(0.6) ? rng.pick(QUESTIONS) : rng.text(rng.pick([10, 4_000, 4_001, 100_000]));
  if (rng.chance(0.4)) body.value = rng.chance(0.5) ? rng.text(size) : junk(rng);
  if (rng.chance(0.3)) body.channelData = { clientActivityID: rng.text(rng.pick([8, 200])), blob: rng.text(size) };
  if (rng.chance(0.1)) body.attachments = [{ contentType: 'image/png', contentUrl: 'http://169.254.169.254/' }];
  return { kind: '', method: 'POST', path: `/v3/directline/conversations/${c.id}/activities`, headers: { ...jsonHeaders, ...authHeader(rng, ctx, c.token) }, body: json(body) };
}

function zaloEvent(rng: Prng, ctx: FuzzContext, valid: boolean): FuzzRequest {
  const user = `zalo-user-${rng.int(0, 3)}`;
  const timestamp = String(valid || rng.chance(0.5) ? ctx.now() : ctx.now() - 3_600_000);
  const event: Record<string, unknown> = {
    app_id: valid || rng.chance(0.5) ? ctx.zalo.appId : '999', user_id_by_app: `app-${user}`, timestamp,
    event_name: rng.pick(['user_send_text', 'user_send_text', 'follow', 'unfollow', 'user_send_image', rng.text(10)]),
    sender: { id: user }, recipient: { id: 'oa-1' },
    message: { text: rng.chance(0.7) ? rng.pick(QUESTIONS) : rng.text(rng.pick([10, 2_000, 4_001])), msg_id: `fz-${rng.int(0, 5_000)}` },
  };
  const raw = JSON.stringify(rng.chance(0.2) ? mutate(rng, event) : event);
  const mac = zaloMac(ctx.zalo.appId, raw, timestamp, ctx.zalo.oaSecretKey);
  const signature = valid ? `mac=${mac}` : rng.pick(['', 'mac=', `mac=${mac.slice(0, -2)}00`, `mac=${rng.text(64)}`.replace(/[^\x20-\x7e]/g, 'z'), `mac=${mac}`]);
  return { kind: '', method: 'POST', path: '/api/zalo', headers: { ...jsonHeaders, ...(signature ? { 'x-zevent-signature': signature } : {}) }, body: Buffer.from(raw) };
}

function dossierEvent(rng: Prng, ctx: FuzzContext): FuzzRequest {
  const body = rng.chance(0.6)
    ? { code: rng.pick(['X99.01-261116-0001', 'X99.01-261116-0002', '000.00.00.H01-260101-0001', rng.text(20)]), status: rng.pick([1, 4, 10, 0, 11, 2.5, '4']), updatedAt: rng.pick([new Date(ctx.now()).toISOString(), 'yesterday']) }
    : junk(rng);
  const raw = JSON.stringify(body) ?? 'null';
  const ts = Math.floor(ctx.now() / 1000) - (rng.chance(0.1) ? 3600 : 0);
  const signed = rng.chance(0.6);
  const headers: Record<string, string> = { ...jsonHeaders, 'x-timestamp': rng.chance(0.95) ? String(ts) : 'soon' };
  if (signed || rng.chance(0.5)) headers['x-signature'] = signed ? sign(ctx.eventsSecret, ts, raw) : `sha256=${'0'.repeat(64)}`;
  return { kind: '', method: 'POST', path: '/api/dossiers/events', headers, body: Buffer.from(raw) };
}

/** The next request: a generator chosen by weight, labelled with its kind. */
export function nextRequest(rng: Prng, ctx: FuzzContext): FuzzRequest {
  const entries = Object.entries(GENERATORS);
  const total = entries.reduce((sum, [, g]) => sum + g.weight, 0);
  let roll = rng.next() * total;
  for (const [kind, g] of entries) {
    roll -= g.weight;
    if (roll < 0) return { ...g.make(rng, ctx), kind };
  }
  const [kind, g] = entries[0]!;
  return { ...g.make(rng, ctx), kind };
}
