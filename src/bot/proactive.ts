/**
 * Proactive messages (Bot Framework): a message into an existing conversation,
 * outside any turn the citizen started — dossier notifications, office answers.
 * Each channel's conversations are reached through the adapter that serves them.
 * A failed send rejects: the adapters hand errors inside a turn to
 * onTurnError, which would swallow them (and apologise into the same dead
 * channel), so the send's own error is caught in the turn and rethrown after.
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
    let failure: { error: unknown } | undefined;
    await route.continueConversation(ref, async (context) => {
      try {
        await context.sendActivity(text);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  };
}

export function adapterRoute(adapter: BotAdapter, serves: ProactiveRoute['serves']): ProactiveRoute {
  return { serves, continueConversation: (reference, logic) => adapter.continueConversation(reference, logic) };
}
