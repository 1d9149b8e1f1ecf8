/**
 * Entry point: configuration → application → HTTP server → listen, and a
 * graceful shutdown on SIGINT/SIGTERM.
 */
import { createApp, serverDeps } from './app.js';
import { ConfigError, parseConfig } from './config.js';
import { createServer } from './server.js';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const app = await createApp(config);
  const server = createServer(serverDeps(app));
  server.listen(config.PORT, config.HOST, () => {
    app.logger.info(
      { url: server.url, procedures: app.catalogue.size, anonymous: !config.MicrosoftAppId },
      `listening: POST ${server.url}/api/messages`,
    );
  });

  app.notifier.start(config.DOSSIER_POLL_SECONDS * 1000);
  app.outbox.start(config.OUTBOX_INTERVAL_SECONDS * 1000);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.logger.info({ signal }, 'shutting down');
    app.notifier.stop();
    app.outbox.stop();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || (error instanceof Error && error.name.includes('KnowledgeError'))) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
