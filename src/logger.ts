/**
 * Structured logs (pino). Personal data never goes in: message text is not
 * logged, and the usual personal fields are censored if passed by mistake.
 */
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export const REDACTED_PATHS = [
  'text', '*.text', 'name', '*.name', 'fullName', '*.fullName', 'phone', '*.phone', 'address', '*.address',
  'email', '*.email', 'applicantName', '*.applicantName', 'applicantPhone', '*.applicantPhone',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: undefined }, destination as never);
}
