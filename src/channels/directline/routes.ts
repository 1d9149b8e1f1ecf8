/**
 * The built-in Direct Line 3.0 endpoint, at the protocol's standard paths, so
 * botframework-directlinejs (Web Chat) works with `domain: <origin>/v3/directline`:
 * start or reconnect a conversation, post activities, read them with watermarks
 * (polling), refresh the token. Every call needs the conversation's own token.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, ActivityHandler } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { MAX_MESSAGE_TEXT, MAX_PAYLOAD_BYTES } from '../limits.js';
import { LOCAL_DIRECT_LINE_SERVICE_URL, WEBCHAT_CHANNEL_ID, type DirectLineAdapter } from './directLineAdapter.js';
import type { ConversationHub } from './hub.js';
import type { WebChatThrottle } from './throttle.js';
import type { TokenClaims, TokenIssuer } from './tokens.js';

export const BOT_ACCOUNT = { id: 'tro-ly-dich-vu-cong', name: 'Trợ lý dịch vụ công', role: 'bot' };

export interface DirectLineDeps {
  hub: ConversationHub;
  adapter: DirectLineAdapter;
  tokens: TokenIssuer;
  bot: ActivityHandler;
  logger: Logger;
  throttle: WebChatThrottle;
}

/** Serialised size of a client-supplied payload; button values and Web Chat's channelData are a few hundred bytes. */
const payload = <T extends z.ZodType>(schema: T) =>
  schema.optional().refine((v) => v === undefined || (JSON.stringify(v)?.length ?? 0) <= MAX_PAYLOAD_BYTES, { message: `at most ${MAX_PAYLOAD_BYTES} bytes` });

const incomingSchema = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(MAX_MESSAGE_TEXT).optional(),
  value: payload(z.unknown()),
  name: z.string().max(200).optional(),
  locale: z.string().max(20).optional(),
  channelData: payload(z.record(z.string(), z.unknown())),
  textFormat: z.string().max(20).optional(),
});

/** A new conversation with its first token: what the page asks for. */
export function newConversation(tokens: TokenIssuer): { conversationId: string; userId: string; token: string; expires_in: number } {
  const conversationId = `dl-${randomUUID()}`;
  const userId = `u-${randomUUID()}`;
  return { conversationId, userId, ...tokens.issue(conversationId, userId) };
}

export function registerDirectLine(server: Server, deps: DirectLineDeps): void {
  const { hub, tokens } = deps;
  const base = '/v3/directline';

  /** The token's claims when it may use conversation `id` (or any, for start/refresh); otherwise answers 401/403. */
  const authorize = (req: Request, res: Response, id?: string): TokenClaims | undefined => {
    const check = tokens.check(req.header('authorization'));
    if (!check.ok) {
      const status = check.reason === 'expired' ? 403 : 401;
      res.send(status, { error: { code: check.reason === 'expired' ? 'TokenExpired' : 'BadArgument', message: `token ${check.reason}` } });
      return undefined;
    }
    if (id !== undefined && check.claims.conv !== id) {
      res.send(403, { error: { code: 'BadArgument', message: 'this token belongs to another conversation' } });
      return undefined;
    }
    return check.claims;
  };

  const account = (claims: TokenClaims) => ({ id: claims.user, name: 'Bạn', role: 'user' });
  const stamp = (claims: TokenClaims, activity: Partial<Activity>): Partial<Activity> => ({
    ...activity,
    id: `${claims.conv}|${randomUUID()}`,
    timestamp: new Date(),
    channelId: WEBCHAT_CHANNEL_ID,
    serviceUrl: LOCAL_DIRECT_LINE_SERVICE_URL,
    conversation: { id: claims.conv, isGroup: false, conversationType: 'personal', name: '' },
    from: account(claims),
    recipient: BOT_ACCOUNT,
  });

  const run = async (activity: Partial<Activity>) => deps.adapter.processActivity(activity, (context) => deps.bot.run(context));

  // Start (or resume) the conversation the token names; the bot greets a new one.
  server.post(`${base}/conversations`, async (req: Request, res: Response) => {
    const claims = authorize(req, res);
    if (!claims) return;
    const isNew = !hub.has(claims.conv);
    if (isNew && !deps.throttle.admit('conversations', req, res)) return;
    hub.create(claims.conv, claims.user);
    if (isNew) await run(stamp(claims, { type: 'conversationUpdate', membersAdded: [account(claims)] }));
    res.send(isNew ? 201 : 200, { conversationId: claims.conv, ...tokens.issue(claims.conv, claims.user) });
  });

  server.get(`${base}/conversations/:id`, async (req: Request, res: Response) => {
    const claims = authorize(req, res, req.params.id);
    if (!claims) return;
    res.send(200, { conversationId: claims.conv, ...tokens.issue(claims.conv, claims.user) });
  });

  server.post(`${base}/tokens/refresh`, async (req: Request, res: Response) => {
    const claims = authorize(req, res);
    if (!claims) return;
    res.send(200, { conversationId: claims.conv, ...tokens.issue(claims.conv, claims.user) });
  });

  server.post(`${base}/conversations/:id/activities`, async (req: Request, res: Response) => {
    if (!deps.throttle.admit('posts', req, res)) return;
    const claims = authorize(req, res, req.params.id);
    if (!claims) return;
    const body = incomingSchema.safeParse(req.body);
    if (!body.success) {
      res.send(400, {
        error: { code: 'BadArgument', message: `activity must be a message (text up to ${MAX_MESSAGE_TEXT} characters), typing or an event (value and channelData up to ${MAX_PAYLOAD_BYTES} bytes each)` },
      });
      return;
    }
    if (!hub.has(claims.conv)) hub.create(claims.conv, claims.user);
    const activity = stamp(claims, body.data.type === 'typing' ? typingMarker(body.data.channelData) : (body.data as Partial<Activity>));
    hub.append(claims.conv, activity);
    // The bot answers before the post is acknowledged, as Azure Direct Line does: the replies are then ready to read.
    if (activity.type !== 'typing') {
      await run(activity).catch((error: Error) => deps.logger.error({ err: { name: error.name, message: error.message } }, 'web chat turn failed'));
    }
    res.send(200, { id: activity.id });
  });

  server.get(`${base}/conversations/:id/activities`, async (req: Request, res: Response) => {
    const claims = authorize(req, res, req.params.id);
    if (!claims) return;
    const raw = req.query?.watermark as string | undefined;
    const watermark = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
    res.send(200, hub.since(claims.conv, watermark));
  });
}

/**
 * What is kept of a client's typing activity: the bot never reads it, so no
 * text, value or payload is stored; only Web Chat's clientActivityID (a short
 * id), because Web Chat waits for the echo of everything it posts.
 */
function typingMarker(channelData: Record<string, unknown> | undefined): Partial<Activity> {
  const clientActivityID = channelData?.clientActivityID;
  return typeof clientActivityID === 'string' && clientActivityID.length <= 100 ? { type: 'typing', channelData: { clientActivityID } } : { type: 'typing' };
}
