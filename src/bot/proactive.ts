/**
 * Proactive messages (Bot Framework): a message into an existing conversation,
 * outside any turn the citizen started — dossier notifications, office answers.
 * Failures propagate to the caller, which logs them and keeps the job.
 */
import type { CloudAdapter, ConversationReference } from 'botbuilder';

export function proactiveSender(adapter: CloudAdapter, appId: string) {
  return async (reference: unknown, text: string): Promise<void> => {
    await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
      await context.sendActivity(text);
    });
  };
}
