/**
 * The server under fuzzing, as `npm start` runs it, in a child process on
 * loopback with every route on (Zalo, signed dossier events, the office API,
 * a complaint webhook) and a local sink standing in for the Bot Framework
 * connector, the Zalo OA API and the webhook receiver. Its data lives in a
 * temporary folder removed at stop.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FuzzContext } from './cases.js';

export interface Target {
  base: string;
  context: Omit<FuzzContext, 'conversations'>;
  /** Why the server is not usable any more, or undefined while it runs. */
  dead: () => string | undefined;
  /** Resident memory of the server process in MB (Linux), or undefined. */
  rssMb: () => Promise<number | undefined>;
  /** The server's last log lines, for a report. */
  logTail: () => string;
  stop: () => Promise<void>;
}

const ZALO = { appId: '1234567890', oaSecretKey: 'fuzz-oa-secret-key' };

export async function startTarget(root = process.cwd()): Promise<Target> {
  const sink = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(req.url?.includes('access_token') ? '{"access_token":"a","refresh_token":"r","expires_in":"90000"}' : '{"error":0,"id":"sink","data":{"message_id":"m"}}');
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'assistant-fuzz-'));
  const port = await freePort();
  const context = { sinkUrl, zalo: ZALO, eventsSecret: 'fuzz-events-secret', officeToken: 'fuzz-office-token', now: () => Date.now() };
  const env = {
    ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir,
    ZALO_APP_ID: ZALO.appId, ZALO_APP_SECRET: 'app-secret', ZALO_OA_SECRET_KEY: ZALO.oaSecretKey, ZALO_ACCESS_TOKEN: 'a', ZALO_REFRESH_TOKEN: 'r',
    ZALO_API_BASE: sinkUrl, ZALO_OAUTH_BASE: sinkUrl, DOSSIER_EVENTS_SECRET: context.eventsSecret, OFFICE_API_TOKEN: context.officeToken,
    COMPLAINT_WEBHOOK_URL: `${sinkUrl}/webhook`, COMPLAINT_WEBHOOK_SECRET: 'fuzz-webhook-secret-0123456789',
    // The fuzzer is one client sending far more than a person would: the per-address limits would answer it 429 throughout.
    WEBCHAT_TOKENS_PER_MINUTE: '0', WEBCHAT_POSTS_PER_MINUTE: '0',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = `the server exited (${signal ?? code})`));

  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  while (!(await fetch(`${base}/healthz`).then((r) => r.ok, () => false))) {
    if (exit || Date.now() > until) throw new Error(`the server did not start: ${exit ?? 'no /healthz in 60 s'}\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    context,
    dead: () => exit,
    rssMb: async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
      return kb ? Math.round(Number(kb) / 1024) : undefined;
    },
    logTail: () => log.split('\n').slice(-30).join('\n'),
    stop: async () => {
      if (!exit) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
        if (!exit) child.kill('SIGKILL');
      }
      await new Promise<void>((r) => sink.close(() => r()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = http.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
