/** Local peers the tests start: free ports, a Bot Connector stand-in, the app's HTTP server. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import { serverDeps, type App } from '../src/app.js';
import { createServer } from '../src/server.js';
import { visibleText } from './helpers.js';

export async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A local stand-in for the Bot Connector service: records what the bot sends to conversations; `down` drops every connection. */
export async function startConnector() {
  const delivered: Array<{ path: string; text?: string }> = [];
  const state = { down: false };
  const server = http.createServer((req, res) => {
    if (state.down) return void req.socket.destroy();
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      delivered.push({ path: req.url ?? '', text: (JSON.parse(body || '{}') as { text?: string }).text });
      res.setHeader('content-type', 'application/json');
      res.end('{"id":"sent-1"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delivered,
    setDown: (down: boolean) => void (state.down = down),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The app's HTTP server on a free loopback port. */
export async function startServer(app: App): Promise<{ base: string; server: Server; close: () => Promise<void> }> {
  const server = createServer(serverDeps(app));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * The app served over HTTP with a Bot Connector stand-in beside it, and a
 * `say` that chats in one conversation whose replies (and proactive messages)
 * go to that stand-in.
 */
export async function startWithConnector(app: App, conversationId: string) {
  const connector = await startConnector();
  const server = await startServer(app);
  const say = async (text: string): Promise<string> => {
    const res = await fetch(`${server.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', deliveryMode: 'expectReplies', text, channelId: 'webchat', serviceUrl: connector.url,
        from: { id: 'citizen' }, recipient: { id: 'bot' }, conversation: { id: conversationId } }),
    });
    return ((await res.json()) as { activities: Array<Partial<Activity>> }).activities.map(visibleText).join('\n');
  };
  return {
    base: server.base,
    delivered: connector.delivered,
    setConnectorDown: connector.setDown,
    say,
    close: async () => {
      await server.close();
      await connector.close();
    },
  };
}
