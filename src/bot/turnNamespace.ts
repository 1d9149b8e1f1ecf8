/**
 * Which door a turn came through. Anonymous /api/messages (no Bot Framework
 * credentials) can claim any channel id and conversation id, so its turns live
 * in a namespace of their own: they can never read or write the state of a
 * Zalo or built-in web chat conversation, whose ids arrive only through those
 * channels' own authenticated adapters.
 */
import { ConversationState, type TurnContext } from 'botbuilder';

const NAMESPACE = Symbol('turnNamespace');
export const ANONYMOUS_NAMESPACE = 'anonymous';

export function setTurnNamespace(context: TurnContext, namespace: string): void {
  context.turnState.set(NAMESPACE, namespace);
}

export function turnNamespace(context: TurnContext): string {
  return (context.turnState.get(NAMESPACE) as string | undefined) ?? '';
}

/** "channel:conversation", prefixed by the namespace when there is one: the key of a conversation everywhere. */
export function conversationKeyOf(context: TurnContext): string {
  const ns = turnNamespace(context);
  const key = `${context.activity.channelId}:${context.activity.conversation?.id ?? ''}`;
  return ns ? `${ns}|${key}` : key;
}

/** Conversation state whose storage key carries the turn's namespace. */
export class NamespacedConversationState extends ConversationState {
  override getStorageKey(context: TurnContext): string | undefined {
    const key = super.getStorageKey(context);
    const ns = turnNamespace(context);
    return key && ns ? `${ns}/${key}` : key;
  }
}
