/**
 * The Zalo OA API: customer-service text messages, and access-token refresh.
 * Refresh tokens are single-use, so each new pair is stored durably before use.
 * Errors are reported by code, never with the message text or the user id.
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import type { Logger } from '../../logger.js';
import { openDatabase } from '../../storage/durableFile.js';

/** Zalo's answer codes that mean the access token must be refreshed. */
export const TOKEN_ERRORS = new Set([-216, -124]);
export const ZALO_TOKENS_FILE = 'zalo-tokens.json';

export interface ZaloApiOptions {
  appId: string;
  appSecret: string;
  apiBase: string;
  oauthBase: string;
  dataDir: string;
  initialAccessToken: string;
  initialRefreshToken: string;
  logger: Logger;
  clock: () => Date;
  timeoutMs?: number;
}

interface TokenData {
  accessToken: string;
  refreshToken: string;
  expiresAt: string | null;
}

export class ZaloApiError extends Error {
  override name = 'ZaloApiError';
  constructor(readonly code: number, message: string) {
    super(`Zalo API error ${code}: ${message}`);
  }
}

export class ZaloApi {
  private constructor(
    private readonly options: ZaloApiOptions,
    private readonly tokens: Low<TokenData>,
  ) {}

  static async open(options: ZaloApiOptions): Promise<ZaloApi> {
    const tokens = await openDatabase<TokenData>(path.join(options.dataDir, ZALO_TOKENS_FILE), {
      accessToken: options.initialAccessToken,
      refreshToken: options.initialRefreshToken,
      expiresAt: null,
    });
    return new ZaloApi(options, tokens);
  }

  /** Sends one text message; refreshes the token once if Zalo says it is invalid or expired. */
  async sendText(userId: string, text: string): Promise<void> {
    const { accessToken, expiresAt } = this.tokens.data;
    if (expiresAt && Date.parse(expiresAt) - this.options.clock().getTime() < 60_000) await this.refresh();
    try {
      await this.post(userId, text, this.tokens.data.accessToken || accessToken);
    } catch (error) {
      if (!(error instanceof ZaloApiError) || !TOKEN_ERRORS.has(error.code)) throw error;
      await this.refresh();
      await this.post(userId, text, this.tokens.data.accessToken);
    }
  }

  private async post(userId: string, text: string, accessToken: string): Promise<void> {
    const res = await fetch(`${this.options.apiBase.replace(/\/+$/, '')}/v3.0/oa/message/cs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: accessToken },
      body: JSON.stringify({ recipient: { user_id: userId }, message: { text } }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new Error(`Zalo OA API answered HTTP ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as { error?: number; message?: string };
    if (body.error && body.error !== 0) throw new ZaloApiError(body.error, body.message ?? '');
  }

  async refresh(): Promise<void> {
    const { appId, appSecret, oauthBase, logger, clock } = this.options;
    const res = await fetch(`${oauthBase.replace(/\/+$/, '')}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: appSecret },
      body: new URLSearchParams({ refresh_token: this.tokens.data.refreshToken, app_id: appId, grant_type: 'refresh_token' }).toString(),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string; expires_in?: string | number; error?: number };
    if (!res.ok || !body.access_token || !body.refresh_token) {
      throw new ZaloApiError(body.error ?? res.status, 'could not refresh the OA access token');
    }
    this.tokens.data = {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      expiresAt: body.expires_in ? new Date(clock().getTime() + Number(body.expires_in) * 1000).toISOString() : null,
    };
    await this.tokens.write();
    logger.info('Zalo OA access token refreshed');
  }
}
