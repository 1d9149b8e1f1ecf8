/**
 * Entry point: configuration → application → HTTP server → listen, then the
 * background work (dossier notifier, feedback outbox, Zalo inbox), and a
 * graceful shutdown on SIGINT/SIGTERM that loses nothing acknowledged.
 */
import type { Server } from 'restify';
import { createApp, serverDeps, type App } from './app.js';
import { ConfigError, parseConfig } from './config.js';
import { endLogs } from './logger.js';
import { createServer } from './server.js';
import { webChatBundle } from './channels/webchat/pages.js';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const app = await createApp(config);
  const server = createServer(serverDeps(app));
  await listen(server, config.PORT, config.HOST);
  app.logger.info(
    { url: server.url, procedures: app.catalogue.size, anonymous: !config.MicrosoftAppId },
    `listening: POST ${server.url}/api/messages`,
  );
  // Only once the port is ours: an instance that cannot bind must not work on the same DATA_DIR.
  app.notifier.start(config.DOSSIER_POLL_SECONDS * 1000);
  app.outbox.start(config.OUTBOX_INTERVAL_SECONDS * 1000);
  app.zaloInbox?.start();
  app.draftExpiry.start();
  void webChatBundle().catch(() => undefined); // compressed in the background, before the first visitor asks

  let closing = false;
  const onSignal = (signal: string) => {
    if (closing) return;
    closing = true;
    setTimeout(() => {
      app.logger.error({ boundSeconds: config.SHUTDOWN_TIMEOUT_SECONDS }, 'shutdown: timed out, forced exit');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref();
    const exit = (code: number) => void endLogs(app.logger).then(() => process.exit(code));
    shutdown(app, server, signal).then(
      () => exit(0),
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown: failed');
        exit(1);
      },
    );
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
}

/** Listens, or fails with one readable line (a busy port is an operator's mistake, not a crash). */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'address already in use' : error.code === 'EACCES' ? 'permission denied' : error.message;
      reject(new ListenError(`cannot listen on ${host}:${port}: ${reason}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.removeListener('error', onError);
      resolve();
    });
  });
}

class ListenError extends Error {
  override name = 'ListenError';
}

/**
 * Phases, each logged: stop taking requests (and starting Zalo turns), let
 * in-flight requests finish, wait for a running outbox or notifier pass, wait
 * for running Zalo turns. Zalo events not yet begun stay in the inbox file.
 */
async function shutdown(app: App, server: Server, signal: string): Promise<void> {
  const { logger } = app;
  app.zaloInbox?.close();
  app.outbox.stop();
  app.notifier.stop();
  await app.draftExpiry.stop();
  const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections would hold close() open; one that is serving a request becomes idle when it ends.
  const sweep = setInterval(() => server.server.closeIdleConnections(), 50);
  server.server.closeIdleConnections();
  logger.info({ signal }, 'shutdown: stopped taking requests');
  await requestsDone;
  clearInterval(sweep);
  logger.info('shutdown: in-flight requests finished');
  await Promise.all([app.outbox.whenIdle(), app.notifier.whenIdle()]);
  logger.info('shutdown: outbox and notifier idle');
  if (app.zaloInbox) {
    await app.zaloInbox.whenIdle();
    logger.info({ left: app.zaloInbox.size() }, 'shutdown: Zalo turns finished, the rest stay queued');
  }
  logger.info('shutdown: done');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ListenError || (error instanceof Error && error.name.includes('KnowledgeError'))) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
