/**
 * Feedback drafts a citizen abandoned (name, address, phone typed in, never
 * sent) are not kept: conversation state that has been idle for the
 * configured time with the feedback flow open loses that flow, draft and all,
 * and is marked so the citizen's next message is told why. Each change runs
 * in the conversation's turn slot and only if no turn wrote meanwhile, so a
 * citizen who comes back at that very moment never races the sweep.
 */
import type { Logger } from '../logger.js';
import type { LowdbStorage } from '../storage/lowdbStorage.js';
import type { ConversationData } from '../dialogs/context.js';
import { COMPLAINT_DIALOG } from '../dialogs/ids.js';

export interface DraftExpiryDeps {
  storage: LowdbStorage;
  idleMinutes: number;
  /** Runs work in a conversation's turn slot (the bot's per-conversation serialiser), by storage key. */
  exclusive: <T>(storageKey: string, work: () => Promise<T>) => Promise<T>;
  logger: Logger;
}

export class FeedbackDraftExpiry {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly deps: DraftExpiryDeps) {}

  /** Drops every abandoned feedback flow; how many were dropped. */
  sweep(): Promise<number> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Sweeps now and then every minute (or more often for a short idle time) until stop(). */
  start(): void {
    void this.sweep().catch((error: Error) => this.deps.logger.error({ err: { name: error.name, message: error.message } }, 'feedback draft sweep failed'));
    const every = Math.min(60_000, Math.max(1_000, (this.deps.idleMinutes * 60_000) / 4));
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async sweepOnce(): Promise<number> {
    const { storage, idleMinutes, exclusive } = this.deps;
    let dropped = 0;
    // Only conversations with the feedback flow open are copied out of the store.
    for (const item of storage.idle(idleMinutes * 60_000, (value) => holdsDialog(value, COMPLAINT_DIALOG))) {
      // Whatever property holds the dialog stack (the bot's "dialogState", a test client's own) loses the flow.
      const stacks = Object.keys(item.value).filter((property) => holdsDialog(item.value[property], COMPLAINT_DIALOG));
      const data = (item.value.conversationData ?? {}) as ConversationData;
      const value: Record<string, unknown> = { ...item.value, conversationData: { ...data, feedbackDraftExpired: true } };
      for (const property of stacks) value[property] = { dialogStack: [] };
      if (await exclusive(item.key, () => storage.replaceIfUnchanged(item.key, item.eTag, value))) dropped++;
    }
    if (dropped > 0) this.deps.logger.info({ dropped }, 'dropped abandoned feedback drafts');
    return dropped;
  }
}

/** Whether a dialog with this id is anywhere on a (nested) dialog stack. */
export function holdsDialog(state: unknown, id: string, depth = 0): boolean {
  if (!state || typeof state !== 'object' || depth > 32) return false;
  if ((state as { id?: unknown }).id === id) return true;
  return Object.values(state).some((v) => holdsDialog(v, id, depth + 1));
}
