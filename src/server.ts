/**
 * HTTP routes. createServer() builds them; listening happens in index.ts.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from './logger.js';

export interface ServerDeps {
  adapter: CloudAdapter;
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
