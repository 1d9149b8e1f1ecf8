/**
 * Tells subscribed conversations when a dossier's status changes, whether the
 * change is learnt from a signed event of the one-stop system or by polling
 * the source. Each conversation hears of each status once; after a final
 * status the subscription ends.
 */
import type { Logger } from '../logger.js';
import type { DossierService } from './dossierService.js';
import { CLOSED_STATUSES, type DossierStatus } from './schema.js';
import type { SubscriptionStore } from './subscriptions.js';
import type { DossierView } from './view.js';

export type ProactiveSend = (reference: unknown, text: string) => Promise<void>;

export class DossierNotifier {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;

  constructor(
    private readonly service: DossierService,
    private readonly store: SubscriptionStore,
    private readonly send: ProactiveSend,
    /** The message for one subscriber; the channel decides Markdown or plain text. */
    private readonly format: (view: DossierView, channelId: string | undefined) => string,
    private readonly logger: Logger,
  ) {}

  /** A status change, from an event (`status` given) or a poll (read from the source). Returns messages sent. */
  async statusChanged(code: string, status?: DossierStatus): Promise<number> {
    const subscriptions = this.store.forCode(code);
    if (subscriptions.length === 0) return 0;
    const view = await this.service.current(code, status);
    if (!view) return 0;
    let sent = 0;
    for (const subscription of subscriptions) {
      if (subscription.lastStatus === view.status) continue;
      try {
        await this.send(subscription.reference, this.format(view, channelOf(subscription.reference)));
        sent++;
        await this.store.update(subscription, view.status, !CLOSED_STATUSES.has(view.status));
      } catch (error) {
        this.logger.warn({ err: { message: (error as Error).message } }, 'could not notify a subscribed conversation');
      }
    }
    return sent;
  }

  /** One polling pass over every subscribed code. */
  async poll(): Promise<void> {
    await this.service.refresh();
    for (const code of this.store.codes()) {
      await this.statusChanged(code).catch((error: unknown) =>
        this.logger.warn({ err: { message: (error as Error).message } }, 'dossier poll failed'),
      );
    }
  }

  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      // One timed pass at a time, remembered so that shutdown can wait for it.
      this.pass ??= this.poll()
        .catch((error: unknown) => this.logger.warn({ err: { message: (error as Error).message } }, 'dossier poll failed'))
        .finally(() => (this.pass = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Resolves when no timed polling pass is running. */
  async whenIdle(): Promise<void> {
    await this.pass;
  }
}

/** The channel of a stored conversation reference (opaque here: botbuilder stays at the edges). */
function channelOf(reference: unknown): string | undefined {
  const id = (reference as { channelId?: unknown } | null)?.channelId;
  return typeof id === 'string' ? id : undefined;
}
