/**
 * A large static file (the 3.9 MB Web Chat bundle) served compressed when the
 * browser accepts it: brotli, else gzip, else as is, chosen by `negotiator`
 * from Accept-Encoding (q-values honoured, brotli preferred on a tie). Both
 * compressed forms are made once, off the event loop, and kept in memory; an
 * ETag lets a browser revalidate with a 304 instead of downloading again.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import Negotiator from 'negotiator';
import type { Request, Response } from 'restify';

type Encoding = 'br' | 'gzip' | 'identity';
const PREFERRED: Encoding[] = ['br', 'gzip', 'identity'];

export interface AssetOptions {
  contentType: string;
  cacheControl: string;
}

export class CompressedAsset {
  private constructor(
    private readonly bodies: Record<Encoding, Buffer>,
    private readonly etag: string,
    private readonly options: AssetOptions,
  ) {}

  static async load(file: string, options: AssetOptions): Promise<CompressedAsset> {
    const identity = await readFile(file);
    const [br, gz] = await Promise.all([
      promisify(brotliCompress)(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
      promisify(gzip)(identity, { level: 9 }),
    ]);
    const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`;
    return new CompressedAsset({ br, gzip: gz, identity }, etag, options);
  }

  /** Bytes sent for an encoding (the README's figures, and tests). */
  size(encoding: Encoding): number {
    return this.bodies[encoding].length;
  }

  serve(req: Request, res: Response): void {
    res.setHeader('vary', 'Accept-Encoding');
    res.setHeader('etag', this.etag);
    res.setHeader('cache-control', this.options.cacheControl);
    if (ifNoneMatch(req.headers['if-none-match'], this.etag)) {
      res.writeHead(304);
      res.end();
      return;
    }
    // A client refusing every encoding (identity;q=0) still gets the file: better than a 406 for a script.
    const encoding = (new Negotiator(req).encodings(PREFERRED, { preferred: PREFERRED })[0] ?? 'identity') as Encoding;
    const body = this.bodies[encoding];
    const headers: Record<string, string | number> = { 'content-type': this.options.contentType, 'content-length': body.length };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    res.writeHead(200, headers);
    res.end(body);
  }
}

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}
