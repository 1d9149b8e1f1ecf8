/**
 * Dossier source for the province's one-stop-shop system:
 * `GET {base}/dossiers/{code}` with a bearer token; 404 means no such dossier.
 * Time-outs and retries with back-off; a malformed answer counts as no answer.
 */
import type { Logger } from '../logger.js';
import { dossierSchema, type Dossier } from './schema.js';
import { DossierSourceUnavailable, type DossierSource } from './source.js';

export interface HttpSourceOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  retries: number;
  logger: Logger;
  /** Back-off before retry n (1-based); injectable so tests need not wait. */
  backoffMs?: (attempt: number) => number;
}

export class HttpDossierSource implements DossierSource {
  constructor(private readonly options: HttpSourceOptions) {}

  async find(code: string): Promise<Dossier | undefined> {
    const { retries, logger } = this.options;
    const backoff = this.options.backoffMs ?? ((n: number) => 200 * 2 ** (n - 1) * (0.5 + Math.random()));
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.fetchOnce(code);
      } catch (error) {
        const retryable = !(error instanceof NotRetryable);
        logger.warn({ attempt, retryable, err: { message: (error as Error).message } }, 'dossier system did not answer');
        if (!retryable || attempt >= retries) throw new DossierSourceUnavailable((error as Error).message);
        await new Promise((r) => setTimeout(r, backoff(attempt + 1)));
      }
    }
  }

  private async fetchOnce(code: string): Promise<Dossier | undefined> {
    const { baseUrl, token, timeoutMs } = this.options;
    const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/dossiers/${encodeURIComponent(code)}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status === 404) return undefined;
    if (res.status >= 500 || res.status === 429) throw new Error(`HTTP ${res.status}`);
    if (!res.ok) throw new NotRetryable(`HTTP ${res.status}`);
    const parsed = dossierSchema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new NotRetryable(`malformed dossier record (${parsed.error.issues.length} problems)`);
    return parsed.data;
  }
}

class NotRetryable extends Error {}
