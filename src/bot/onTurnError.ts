/**
 * The one turn-error handler: log without personal data, apologise in
 * Vietnamese, and clear the conversation's state so a broken dialog cannot
 * trap the citizen. A stale-state conflict is not a broken dialog: the state
 * another turn saved is the good one, so it is kept.
 */
import type { BotState, TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import type { Messages } from '../messages.js';
import { ETagConflictError } from '../storage/lowdbStorage.js';

export function createOnTurnError(deps: { logger: Logger; conversationState: BotState; messages: Messages }) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    deps.logger.error(
      { err: error, channel: context.activity.channelId, activityType: context.activity.type },
      'turn failed',
    );
    try {
      await context.sendActivity(deps.messages.error);
    } catch (sendError) {
      deps.logger.warn({ err: { message: (sendError as Error).message } }, 'could not send the apology');
    }
    if (error instanceof ETagConflictError) return;
    try {
      await deps.conversationState.delete(context);
    } catch (deleteError) {
      deps.logger.warn({ err: { message: (deleteError as Error).message } }, 'could not clear conversation state');
    }
  };
}
