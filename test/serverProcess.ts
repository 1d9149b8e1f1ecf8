/** The real server, as `npm start` runs it, in a child process the test can kill; and a chat over its /api/messages. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  process: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Kills with SIGKILL and waits until the process is gone. */
  kill: () => Promise<void>;
}

export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }, stdio: 'ignore' });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    process: child,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Resolves once GET /healthz answers 200 (throws after `ms`). */
export async function healthy(base: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await fetch(`${base}/healthz`).then((r) => r.ok, () => false))) {
    if (Date.now() > until) throw new Error(`no /healthz at ${base} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One message to anonymous /api/messages with expectReplies; the replies' text. Rejects when the server is not there. */
export async function say(base: string, conversation: string, text: string): Promise<string> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', deliveryMode: 'expectReplies', text, channelId: 'webchat', serviceUrl: 'http://127.0.0.1:9',
      from: { id: `citizen-${conversation}` }, recipient: { id: 'bot' }, conversation: { id: conversation } }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { activities: Array<{ text?: string }> }).activities.map((a) => a.text ?? '').join('\n');
}
