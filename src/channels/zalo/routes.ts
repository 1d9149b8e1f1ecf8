/**
 * POST /api/zalo — the Zalo OA webhook. Verifies the signature, stores the
 * event in the durable inbox, and only then answers 200 (Zalo does not
 * redeliver an answered event); a redelivery is answered 200 and not stored
 * again. The inbox then runs `zaloTurn`: a text message becomes an activity on
 * the `zalo` channel (one conversation per Zalo user) and runs the same bot;
 * a follow gets the welcome; other events are acknowledged and ignored.
 */
import type { Activity, ActivityHandler } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { MAX_MESSAGE_TEXT } from '../limits.js';
import type { ZaloInbox } from './inbox.js';
import { checkZaloSignature } from './signature.js';
import { ZALO_CHANNEL_ID, type ZaloAdapter } from './zaloAdapter.js';

export const ZALO_SERVICE_URL = 'local://zalo';

export interface ZaloDeps {
  appId: string;
  oaSecretKey: string;
  inbox: ZaloInbox;
  logger: Logger;
  clock: () => Date;
}

const eventSchema = z.object({
  app_id: z.string(),
  event_name: z.string(),
  timestamp: z.union([z.string(), z.number()]),
  sender: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string().min(1) }),
  message: z.object({ text: z.string().max(MAX_MESSAGE_TEXT).optional(), msg_id: z.string().optional() }).optional(),
});
type ZaloEvent = z.infer<typeof eventSchema>;

/** The activity an event becomes, or undefined for events the assistant does not handle. */
function toActivity(event: ZaloEvent): Partial<Activity> | undefined {
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
  if (event.event_name === 'user_send_text' && event.message?.text) {
    return { ...base, type: 'message', id: event.message.msg_id, text: event.message.text };
  }
  if (event.event_name === 'follow') return { ...base, type: 'conversationUpdate', membersAdded: [{ id: userId, name: '' }] };
  return undefined;
}

/** One stored event's turn; what the inbox runs. The event is re-validated: the file may come from an older version. */
export function zaloTurn(adapter: ZaloAdapter, bot: ActivityHandler): (stored: unknown) => Promise<void> {
  return async (stored) => {
    const event = eventSchema.safeParse(stored);
    const activity = event.success ? toActivity(event.data) : undefined;
    if (activity) await adapter.processActivity(activity, (context) => bot.run(context));
  };
}

export function registerZalo(server: Server, deps: ZaloDeps): void {
  server.post('/api/zalo', async (req: Request, res: Response) => {
    const raw = String((req as Request & { rawBody?: string | Buffer }).rawBody ?? '');
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const check = checkZaloSignature(req.header('x-zevent-signature'), raw, body, { appId: deps.appId, oaSecretKey: deps.oaSecretKey, now: deps.clock() });
    if (check !== 'valid') {
      res.send(401, { error: `signature ${check}` });
      return;
    }
    const event = eventSchema.safeParse(body);
    if (!event.success || !toActivity(event.data)) {
      res.send(200, { received: true });
      return;
    }
    const key = event.data.message?.msg_id ?? `${event.data.event_name}:${event.data.sender.id}:${event.data.timestamp}`;
    try {
      await deps.inbox.accept(key, event.data.sender.id, event.data);
    } catch (error) {
      // Not stored, so not acknowledged: Zalo retries a non-200.
      deps.logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'could not store a Zalo event');
      res.send(503, { error: 'try again later' });
      return;
    }
    res.send(200, { received: true });
  });
}
