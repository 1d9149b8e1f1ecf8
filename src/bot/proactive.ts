/**
 * Proactive messages (Bot Framework): a message into an existing conversation,
 * outside any turn the citizen started — dossier notifications, office answers.
 * Each channel's conversations are reached through the adapter that serves them.
 * Failures propagate to the caller, which logs them.
 */
import type { BotAdapter, ConversationReference, TurnContext } from 'botbuilder';

export interface ProactiveRoute {
  /** Whether this adapter serves the conversation. */
  serves(reference: Partial<ConversationReference>): boolean;
  continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/** Routes first; the fallback (the Bot Framework CloudAdapter) serves everything else. */
export function proactiveSender(routes: readonly ProactiveRoute[], fallback: ProactiveRoute) {
  return async (reference: unknown, text: string): Promise<void> => {
    const ref = reference as Partial<ConversationReference>;
    const route = routes.find((r) => r.serves(ref)) ?? fallback;
    await route.continueConversation(ref, async (context) => {
      await context.sendActivity(text);
    });
  };
}

export function adapterRoute(adapter: BotAdapter, serves: ProactiveRoute['serves']): ProactiveRoute {
  return { serves, continueConversation: (reference, logic) => adapter.continueConversation(reference, logic) };
}
