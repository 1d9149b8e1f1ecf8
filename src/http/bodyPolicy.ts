/**
 * The one request-body policy of the whole server, installed before routing
 * so that every route (including ones added later) inherits it and none can
 * opt out by accident:
 * - a body must be JSON; multipart and other types get 415 before a byte is read;
 * - the size limit applies to the *decoded* bytes while streaming: a gzip,
 *   deflate or brotli body is inflated under the same limit and cut off with
 *   413 the moment it exceeds it (a decompression bomb costs at most the limit);
 * - JSON nesting is bounded before parsing (deep nesting gets 400);
 * - the decoded text is kept as `rawBody` for routes that check a signature.
 */
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import type { Next, Request, Response } from 'restify';
import { jsonDepthExceeds } from './jsonDepth.js';

export interface BodyPolicyOptions {
  limitBytes: number;
  maxDepth: number;
}

export interface BodyRequest extends Request {
  rawBody?: string;
}

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

class BodyRejected extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function bodyPolicy(options: BodyPolicyOptions) {
  return (req: BodyRequest, res: Response, next: Next): void => {
    if (!hasBody(req)) {
      next();
      return;
    }
    readJson(req, options).then(
      ({ raw, value }) => {
        req.rawBody = raw;
        req.body = value;
        next();
      },
      (error: unknown) => {
        const rejected = error instanceof BodyRejected ? error : new BodyRejected(400, 'the request body could not be read');
        const drainBytes = options.limitBytes * DRAIN_FACTOR;
        // A body declared too large to drain is never read: the connection closes once the answer is sent.
        const drain = !(Number(req.headers['content-length']) > drainBytes);
        if (!drain) res.setHeader('connection', 'close');
        res.send(rejected.status, { error: rejected.message });
        next(false);
        if (drain) discardRest(req, drainBytes);
      },
    );
  };
}

/** How much of a refused body is read and dropped (a multiple of the limit), so that the client gets to read the answer. */
const DRAIN_FACTOR = 8;
const DRAIN_MS = 5_000;

/**
 * The answer is sent at once, but a socket closed while the client is still
 * writing makes it see a broken pipe instead of the 413. So the rest of the
 * body is read and dropped (no memory kept), up to a bound in bytes and time,
 * past which the connection is cut.
 */
function discardRest(req: Request, maxBytes: number): void {
  if (req.readableEnded) return;
  let drained = 0;
  const cut = () => req.socket?.destroy();
  const timer = setTimeout(cut, DRAIN_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > maxBytes) cut();
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

async function readJson(req: Request, { limitBytes, maxDepth }: BodyPolicyOptions): Promise<{ raw: string; value: unknown }> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]{1,100}\+json$/.test(type)) {
    throw new BodyRejected(415, 'the body must be application/json');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw new BodyRejected(413, `the body is larger than ${limitBytes} bytes`);
  const raw = await readDecoded(req, limitBytes);
  if (raw.length === 0) return { raw, value: undefined };
  if (jsonDepthExceeds(raw, maxDepth)) throw new BodyRejected(400, `JSON nested deeper than ${maxDepth} levels`);
  try {
    return { raw, value: JSON.parse(raw) as unknown };
  } catch {
    throw new BodyRejected(400, 'the body is not valid JSON');
  }
}

/** The body's bytes after Content-Encoding, as UTF-8 text; rejects as soon as the limit is passed. */
function readDecoded(req: Request, limitBytes: number): Promise<string> {
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const makeDecoder = encoding === 'identity' ? undefined : DECODERS[encoding];
  if (encoding !== 'identity' && !makeDecoder) return Promise.reject(new BodyRejected(415, `unsupported Content-Encoding "${encoding.slice(0, 20)}"`));
  const decoder = makeDecoder?.();
  const source = decoder ? req.pipe(decoder) : req;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: BodyRejected) => {
      if (settled) return;
      settled = true;
      if (decoder) {
        req.unpipe(decoder);
        decoder.destroy();
      }
      reject(error);
    };
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) fail(new BodyRejected(413, `the body is larger than ${limitBytes} bytes`));
      else if (!settled) chunks.push(chunk);
    });
    source.on('end', () => {
      if (settled) return;
      settled = true;
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new BodyRejected(400, 'the body is not valid UTF-8'));
      }
    });
    source.on('error', () => fail(new BodyRejected(400, decoder ? `the body is not valid ${encoding}` : 'the body could not be read')));
    req.on('aborted', () => fail(new BodyRejected(400, 'the request was aborted')));
  });
}
