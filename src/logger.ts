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

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, serializers: { err: serializeError }, base: undefined },
    destination as never,
  );
}
