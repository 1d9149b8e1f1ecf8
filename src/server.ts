/**
 * HTTP routes. createServer() builds them; listening happens in index.ts.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from './logger.js';
import { registerBotFramework } from './channels/botframework/routes.js';
import { bodyPolicy, type BodyRequest } from './http/bodyPolicy.js';
import { restifyLogger } from './http/restifyLogger.js';
import { registerDirectLine, type DirectLineDeps } from './channels/directline/routes.js';
import { registerWebChat, type WebChatDeps } from './channels/webchat/pages.js';
import { registerZalo, type ZaloDeps } from './channels/zalo/routes.js';
import { registerStaffPages, type StaffPageDeps } from './staff/browser/pages.js';
import { registerStaffApi, type StaffRouteDeps } from './staff/routes.js';
import { parseComplaintCode } from './complaints/complaintService.js';
import type { Complaint, ComplaintStatus } from './complaints/schema.js';
import { parseDossierCode } from './dossiers/dossierCode.js';
import type { DossierNotifier } from './dossiers/notifier.js';
import type { DossierStatus } from './dossiers/schema.js';
import { checkSignature, dossierEventSchema } from './dossiers/signedEvents.js';

export interface ServerDeps {
  adapter: CloudAdapter;
  /** No Bot Framework credentials: /api/messages is anonymous (see channels/botframework/routes.ts). */
  anonymous: boolean;
  dossierEvents: { secret: string; clock: () => Date; notifier: DossierNotifier };
  /** The control office answers feedback: bearer token, then the answer reaches the citizen. */
  office: { token: string; answer: OfficeAnswer };
  directLine: DirectLineDeps;
  /** Present when a Zalo OA is configured. */
  zalo?: ZaloDeps;
  webChat: WebChatDeps;
  /** The hotline staff console: its API and pages. */
  staff: StaffRouteDeps & StaffPageDeps;
  bot: ActivityHandler;
  logger: Logger;
  bodyLimitBytes: number;
  /** Deepest JSON nesting a request body may have. */
  bodyMaxDepth: number;
  health: () => Record<string, unknown>;
}

export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'tro-ly-dich-vu-cong', handleUncaughtExceptions: false, log: restifyLogger(deps.logger) });
  // Before routing, so every route inherits the one body policy (no route can opt out).
  server.pre(bodyPolicy({ limitBytes: deps.bodyLimitBytes, maxDepth: deps.bodyMaxDepth }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  registerBotFramework(server, { adapter: deps.adapter, bot: deps.bot, anonymous: deps.anonymous });

  server.post('/api/dossiers/events', async (req: Request, res: Response) => {
    const { secret, clock, notifier } = deps.dossierEvents;
    const raw = (req as BodyRequest).rawBody ?? '';
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

  server.post('/api/complaints/:code/response', async (req: Request, res: Response) => {
    if (!bearerMatches(req.header('authorization'), deps.office.token)) {
      res.send(401, { error: 'a valid bearer token is required' });
      return;
    }
    const body = officeAnswerSchema.safeParse(req.body);
    if (!body.success) {
      res.send(400, { error: 'body must be {status: "in-progress"|"answered"|"closed", answer?: string}; "answered" needs an answer' });
      return;
    }
    const code = parseComplaintCode(String(req.params.code ?? ''));
    const result = code ? await deps.office.answer(code, body.data.status, body.data.answer ?? null) : undefined;
    if (!result) {
      res.send(404, { error: 'no feedback with this code' });
      return;
    }
    res.send(200, { code: result.complaint.code, status: result.complaint.status, notified: result.notified });
  });

  registerDirectLine(server, deps.directLine);
  registerWebChat(server, deps.webChat);
  registerStaffApi(server, deps.staff);
  registerStaffPages(server, deps.staff);
  if (deps.zalo) registerZalo(server, deps.zalo);

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

export type OfficeAnswer = (code: string, status: ComplaintStatus, answer: string | null) => Promise<{ complaint: Complaint; notified: boolean } | undefined>;

const officeAnswerSchema = z
  .object({ status: z.enum(['in-progress', 'answered', 'closed']), answer: z.string().trim().min(1).max(5000).optional() })
  .refine((b) => b.status !== 'answered' || !!b.answer);

function bearerMatches(header: string | undefined, token: string): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
