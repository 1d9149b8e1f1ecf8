/**
 * HTTP routes. createServer() builds them; listening happens in index.ts.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from './logger.js';
import { parseDossierCode } from './dossiers/dossierCode.js';
import type { DossierNotifier } from './dossiers/notifier.js';
import type { DossierStatus } from './dossiers/schema.js';
import { checkSignature, dossierEventSchema } from './dossiers/signedEvents.js';

export interface ServerDeps {
  adapter: CloudAdapter;
  dossierEvents: { secret: string; clock: () => Date; notifier: DossierNotifier };
  bot: ActivityHandler;
  logger: Logger;
  bodyLimitBytes: number;
  health: () => Record<string, unknown>;
}

export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'tro-ly-dich-vu-cong', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: deps.bodyLimitBytes, mapParams: false, mapFiles: false, keepExtensions: false }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!isActivityLike(req.body)) {
      res.send(400, { error: 'Body must be a Bot Framework activity (JSON object with "type")' });
      return;
    }
    await deps.adapter.process(req, res, (context) => deps.bot.run(context));
  });

  server.post('/api/dossiers/events', async (req: Request, res: Response) => {
    const { secret, clock, notifier } = deps.dossierEvents;
    const raw = String((req as Request & { rawBody?: string | Buffer }).rawBody ?? '');
    const check = checkSignature(secret, { signature: req.header('x-signature'), timestamp: req.header('x-timestamp') }, raw, clock());
    if (check !== 'valid') {
      res.send(401, { error: `event signature ${check}` });
      return;
    }
    const event = dossierEventSchema.safeParse(req.body);
    const code = event.success ? parseDossierCode(event.data.code) : undefined;
    if (!event.success || code?.kind !== 'code') {
      res.send(400, { error: 'body must be {code, status (1-10), updatedAt}' });
      return;
    }
    const notified = await notifier.statusChanged(code.code, event.data.status as DossierStatus);
    res.send(202, { accepted: true, notified });
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', ...deps.health() });
  });

  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) deps.logger.error({ err: { name: err.name, message: err.message }, path: req.path() }, 'request failed');
    else deps.logger.debug({ status, path: req.path() }, 'request rejected');
    callback();
  });
  return server;
}

function isActivityLike(body: unknown): body is { type: string } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && typeof (body as { type?: unknown }).type === 'string';
}
