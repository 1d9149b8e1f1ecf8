/**
 * POST /api/zalo — the Zalo OA webhook. Verifies the signature, answers at
 * once, and processes the event afterwards: text messages become activities
 * on the `zalo` channel (one conversation per Zalo user) and run the same bot;
 * a follow gets the welcome; other events are ignored. Redelivered events are
 * answered once, and one user's messages are handled in order.
 */
import type { Activity, ActivityHandler } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { checkZaloSignature } from './signature.js';
import { ZALO_CHANNEL_ID, type ZaloAdapter } from './zaloAdapter.js';

export const ZALO_SERVICE_URL = 'local://zalo';
const SEEN_LIMIT = 10_000;

export interface ZaloDeps {
  appId: string;
  oaSecretKey: string;
  adapter: ZaloAdapter;
  bot: ActivityHandler;
  logger: Logger;
  clock: () => Date;
}

const eventSchema = z.object({
  app_id: z.string(),
  event_name: z.string(),
  timestamp: z.union([z.string(), z.number()]),
  sender: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string().min(1) }),
  message: z.object({ text: z.string().max(10_000).optional(), msg_id: z.string().optional() }).optional(),
});
type ZaloEvent = z.infer<typeof eventSchema>;

export function registerZalo(server: Server, deps: ZaloDeps): void {
  const seen = new Set<string>();
  const queues = new Map<string, Promise<void>>();

  /** Runs one user's events one after another, so two messages never race on the same state. */
  const enqueue = (user: string, work: () => Promise<void>) => {
    const next = (queues.get(user) ?? Promise.resolve()).then(work, work);
    const tracked = next.finally(() => {
      if (queues.get(user) === tracked) queues.delete(user);
    });
    queues.set(user, tracked);
  };

  const handle = async (event: ZaloEvent) => {
    const userId = event.sender.id;
    const base: Partial<Activity> = {
      channelId: ZALO_CHANNEL_ID,
      serviceUrl: ZALO_SERVICE_URL,
      conversation: { id: `zalo:${userId}`, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: userId, name: '', role: 'user' },
      recipient: { id: event.recipient.id, name: 'OA', role: 'bot' },
      timestamp: new Date(Number(event.timestamp)),
      locale: 'vi-VN',
    };
    const activity: Partial<Activity> | undefined =
      event.event_name === 'user_send_text' && event.message?.text
        ? { ...base, type: 'message', id: event.message.msg_id, text: event.message.text }
        : event.event_name === 'follow'
          ? { ...base, type: 'conversationUpdate', membersAdded: [{ id: userId, name: '' }] }
          : undefined;
    if (!activity) return;
    await deps.adapter.processActivity(activity, (context) => deps.bot.run(context));
  };

  server.post('/api/zalo', async (req: Request, res: Response) => {
    const raw = String((req as Request & { rawBody?: string | Buffer }).rawBody ?? '');
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const check = checkZaloSignature(req.header('x-zevent-signature'), raw, body, { appId: deps.appId, oaSecretKey: deps.oaSecretKey, now: deps.clock() });
    if (check !== 'valid') {
      res.send(401, { error: `signature ${check}` });
      return;
    }
    const event = eventSchema.safeParse(body);
    res.send(200, { received: true });
    if (!event.success) return;
    const key = event.data.message?.msg_id ?? `${event.data.event_name}:${event.data.sender.id}:${event.data.timestamp}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
    enqueue(event.data.sender.id, () =>
      handle(event.data).catch((error: Error) => deps.logger.error({ err: { name: error.name, message: error.message }, event: event.data.event_name }, 'Zalo event failed')),
    );
  });
}
