/** Logs keep diagnostics (error types) and drop personal data, restify's own logging included. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { restifyLogger } from '../src/http/restifyLogger.js';
import { createLogger, type Logger } from '../src/logger.js';

function capture(): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const sink = new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) });
  const logger = createLogger('trace', sink);
  return { logger, lines: () => chunks.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

class DossierSourceDown extends Error {
  override name = 'DossierSourceDown';
}

describe('logging', () => {
  it('keeps the error type, whether an Error or the { name, message } shape is logged', () => {
    const { logger, lines } = capture();
    logger.error({ err: new DossierSourceDown('connect ECONNREFUSED') }, 'a');
    logger.error({ err: { name: 'TypeError', message: 'x is not a function' } }, 'b');
    const [a, b] = lines();
    expect(a!.err).toMatchObject({ type: 'DossierSourceDown', message: 'connect ECONNREFUSED' });
    expect(b!.err).toMatchObject({ type: 'TypeError', message: 'x is not a function' });
  });

  it('still censors personal fields', () => {
    const { logger, lines } = capture();
    logger.info({ complaint: { name: 'Nguyễn Văn An', phone: '0912345678' }, text: 'tôi tên An' }, 'c');
    const line = JSON.stringify(lines()[0]);
    expect(line).not.toContain('Nguyễn');
    expect(line).not.toContain('0912345678');
    expect(line).not.toContain('tôi tên');
  });

  it("gives restify a logger that records a request's method and path only", () => {
    const { logger, lines } = capture();
    const log = restifyLogger(logger) as unknown as Logger;
    const req = { method: 'POST', url: '/api/messages?x=1', headers: { authorization: 'Bearer secret-token' }, body: { text: 'số nhà 12' }, rawBody: '{"text":"số nhà 12"}' };
    log.warn({ req, err: new Error('formatter missing') }, 'error retrieving formatter');
    const line = JSON.stringify(lines()[0]);
    expect(line).toContain('/api/messages');
    expect(line).not.toContain('secret-token');
    expect(line).not.toContain('số nhà');
    expect(line).not.toContain('x=1');
  });
});
