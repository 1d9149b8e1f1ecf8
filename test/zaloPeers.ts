/** Zalo peers the tests start: a local fake of the OA API, and signed webhook events as Zalo sends them. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { zaloMac } from '../src/channels/zalo/signature.js';

export const ZALO_APP_ID = '1234567890';
export const ZALO_OA_KEY = 'oa-secret-key';

/** The environment that turns the Zalo channel on against a fake OA API at `base`. */
export function zaloEnv(base: string): Record<string, string> {
  return {
    ZALO_APP_ID, ZALO_APP_SECRET: 'app-secret', ZALO_OA_SECRET_KEY: ZALO_OA_KEY, ZALO_ACCESS_TOKEN: 'access-1', ZALO_REFRESH_TOKEN: 'refresh-1',
    ZALO_API_BASE: base, ZALO_OAUTH_BASE: base,
  };
}

/** A local fake of the Zalo OA API: records messages, rejects a stale token, rotates tokens on refresh. */
export class FakeOa {
  sent: Array<{ token: string; user: string; text: string }> = [];
  refreshes: Array<{ refresh: string; secret: string }> = [];
  validToken = 'access-1';
  /** Answer each request this late, to keep turns in flight. */
  delayMs = 0;
  private server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => setTimeout(() => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v3.0/oa/message/cs') {
        const token = String(req.headers.access_token);
        if (token !== this.validToken) return res.end(JSON.stringify({ error: -216, message: 'Access token is invalid' }));
        const msg = JSON.parse(body) as { recipient: { user_id: string }; message: { text: string } };
        this.sent.push({ token, user: msg.recipient.user_id, text: msg.message.text });
        return res.end(JSON.stringify({ error: 0, message: 'Success', data: { message_id: `m${this.sent.length}` } }));
      }
      if (req.url === '/v4/oa/access_token') {
        const form = new URLSearchParams(body);
        this.refreshes.push({ refresh: form.get('refresh_token') ?? '', secret: String(req.headers.secret_key) });
        this.validToken = `access-${this.refreshes.length + 1}`;
        return res.end(JSON.stringify({ access_token: this.validToken, refresh_token: `refresh-${this.refreshes.length + 1}`, expires_in: '90000' }));
      }
      res.statusCode = 404;
      res.end('{}');
    }, this.delayMs));
  });
  base = '';
  async start() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }
  textsTo(user: string) {
    return this.sent.filter((s) => s.user === user).map((s) => s.text);
  }
}

export interface ZaloEventOptions {
  msgId: string;
  timestamp: number;
  key?: string;
  /** null: no signature header; a string: that header verbatim. */
  signature?: string | null;
  eventName?: string;
}

/** POSTs one `user_send_text` event to `${base}/api/zalo`, signed as Zalo signs it (same options, same bytes). */
export function sendZaloEvent(base: string, user: string, text: string, opts: ZaloEventOptions): Promise<Response> {
  const ts = String(opts.timestamp);
  const body = JSON.stringify({
    app_id: ZALO_APP_ID, user_id_by_app: `app-${user}`, event_name: opts.eventName ?? 'user_send_text', timestamp: ts,
    sender: { id: user }, recipient: { id: 'oa-1' }, message: { text, msg_id: opts.msgId },
  });
  const mac = opts.signature === undefined ? `mac=${zaloMac(ZALO_APP_ID, body, ts, opts.key ?? ZALO_OA_KEY)}` : opts.signature;
  return fetch(`${base}/api/zalo`, { method: 'POST', headers: { 'content-type': 'application/json', ...(mac ? { 'x-zevent-signature': mac } : {}) }, body });
}

/** Polls `probe` until it returns a value, or throws after `ms`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
