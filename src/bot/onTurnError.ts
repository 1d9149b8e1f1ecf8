/**
 * The one turn-error handler: log without personal data, apologise in
 * Vietnamese, and clear the conversation's state so a broken dialog cannot
 * trap the citizen.
 */
import type { BotState, TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import type { Messages } from '../messages.js';

export function createOnTurnError(deps: { logger: Logger; conversationState: BotState; messages: Messages }) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    deps.logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack }, channel: context.activity.channelId, activityType: context.activity.type },
      'turn failed',
    );
    try {
      await context.sendActivity(deps.messages.error);
    } catch (sendError) {
      deps.logger.warn({ err: { message: (sendError as Error).message } }, 'could not send the apology');
    }
    try {
      await deps.conversationState.delete(context);
    } catch (deleteError) {
      deps.logger.warn({ err: { message: (deleteError as Error).message } }, 'could not clear conversation state');
    }
  };
}
