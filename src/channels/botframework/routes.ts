/**
 * POST /api/messages — Bot Framework channels (Azure Bot Service, Teams, the
 * Emulator). The activity is checked at the edge (schema.ts) before the SDK
 * sees it. Without Bot Framework credentials the endpoint is anonymous: its
 * turns get a namespace of their own (no claimed channel or conversation id
 * reaches another channel's state), and the bot only answers service URLs on
 * this machine, so nobody can make it post to other hosts.
 */
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { ANONYMOUS_NAMESPACE, setTurnNamespace } from '../../bot/turnNamespace.js';
import { describeProblem, incomingActivitySchema } from './activitySchema.js';

export interface BotFrameworkDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** No MicrosoftAppId: requests are not authenticated. */
  anonymous: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return LOOPBACK_HOSTS.has(host) || /^127(?:\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

export function registerBotFramework(server: Server, deps: BotFrameworkDeps): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    const activity = incomingActivitySchema.safeParse(req.body);
    if (!activity.success) {
      res.send(400, { error: `not a valid activity: ${describeProblem(activity.error)}` });
      return;
    }
    if (deps.anonymous && !isLoopbackUrl(activity.data.serviceUrl)) {
      res.send(400, { error: 'without Bot Framework credentials, serviceUrl must be on this machine (loopback)' });
      return;
    }
    await deps.adapter.process(req, res, async (context) => {
      if (deps.anonymous) setTurnNamespace(context, ANONYMOUS_NAMESPACE);
      await deps.bot.run(context);
    });
  });
}
