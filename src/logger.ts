/**
 * Structured logs (pino). Personal data never goes in: message text is not
 * logged, and the usual personal fields are censored if passed by mistake.
 * Diagnostics stay: an error is logged with its type, message, code and stack
 * (the `name` censor must not blank an error's class, so errors are logged
 * under `type`, which no censor path touches).
 */
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export const REDACTED_PATHS = [
  'text', '*.text', 'name', '*.name', 'fullName', '*.fullName', 'phone', '*.phone', 'address', '*.address',
  'email', '*.email', 'applicantName', '*.applicantName', 'applicantPhone', '*.applicantPhone',
];

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  stack?: unknown;
  constructor?: { name?: string };
}

/** An Error, or the `{ name, message }` shape callers pass, as a log record. */
export function serializeError(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return { type: typeof value, message: String(value) };
  const e = value as ErrorLike;
  const type = typeof e.name === 'string' && e.name ? e.name : (e.constructor?.name ?? 'Error');
  return {
    type,
    message: typeof e.message === 'string' ? e.message.slice(0, 1000) : undefined,
    ...(e.code !== undefined ? { code: String(e.code) } : {}),
    ...(typeof e.stack === 'string' && e.stack ? { stack: e.stack } : {}),
  };
}

/** The stdout destinations of loggers made here, so endLogs can wait for them. */
const ownStreams = new WeakMap<Logger, ReturnType<typeof pino.destination>>();

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const stream = destination ?? pino.destination({ dest: 1, sync: false });
  const logger = pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, serializers: { err: serializeError }, base: undefined }, stream as never);
  if (!destination) ownStreams.set(logger, stream as ReturnType<typeof pino.destination>);
  return logger;
}

/**
 * Resolves once every line logged so far is written. pino writes stdout
 * asynchronously, and its exit hook writes what is queued synchronously while
 * a write may still be in flight: without this the last lines before exit come
 * out of order or not at all.
 */
export function endLogs(logger: Logger): Promise<void> {
  const stream = ownStreams.get(logger);
  if (!stream) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('close', () => resolve());
    stream.once('error', () => resolve());
    stream.end();
  });
}
