/**
 * The logger restify itself uses (for example when a response cannot be
 * formatted): the project's pino logger with serializers that keep only what
 * diagnoses a request — method, path, status, error type — so restify can
 * never write a message text, a raw body or an Authorization header to the log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerOptions } from 'restify';
import type { Logger } from '../logger.js';

/** restify 11 takes a pino logger; @types/restify still describes restify 8's bunyan one, hence the one cast. */
export function restifyLogger(logger: Logger): ServerOptions['log'] {
  const child = logger.child(
    { component: 'http' },
    {
      serializers: {
        req: (req: IncomingMessage) => ({ method: req.method, path: (req.url ?? '').split('?')[0]!.slice(0, 200) }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        err: (err: Error & { statusCode?: number }) => ({ type: err.name, message: String(err.message).slice(0, 300), statusCode: err.statusCode }),
      },
    },
  );
  return child as unknown as ServerOptions['log'];
}
