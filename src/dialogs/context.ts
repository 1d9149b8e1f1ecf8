/**
 * What every dialog needs, built once in the composition root: the router, the guide,
 * the renderer, the conversation's own data, and the unanswered-question log.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { ComplaintService } from '../complaints/complaintService.js';
import type { DossierService } from '../dossiers/dossierService.js';
import type { SubscriptionStore } from '../dossiers/subscriptions.js';
import type { ProcedureGuide } from '../guide/procedureGuide.js';
import type { UnansweredLog } from '../guide/unanswered.js';
import type { TurnRouter } from '../guide/turnRouter.js';
import { conversationKeyOf } from '../bot/turnNamespace.js';
import { channelProfile, type ChannelProfile, type Rendered, type Renderer } from '../render/activities.js';

/** Per-conversation memory, kept in conversation state. */
export interface ConversationData {
  /** The procedure being discussed, for follow-ups. */
  procedureId?: string;
  /** What a numbered reply means ("1" → menu[0]). */
  menu?: string[];
  /** The dossier this conversation last looked up successfully (verified). */
  dossier?: { code: string; status: number };
  /** The feedback this conversation last sent: a repeated "gửi" answers with its code. */
  lastFeedback?: { code: string; draftId: string };
  /** A feedback draft of this conversation was dropped unsent (bot/draftExpiry.ts): the next message says so. */
  feedbackDraftExpired?: boolean;
}

export interface DialogDeps {
  /** What a message is, given what the conversation waits for. */
  router: TurnRouter;
  guide: ProcedureGuide;
  dossiers: DossierService;
  subscriptions: SubscriptionStore;
  renderer: Renderer;
  conversationData: StatePropertyAccessor<ConversationData>;
  unanswered: UnansweredLog;
  complaints: ComplaintService;
  /** Deliver new feedback now rather than at the next outbox tick. */
  kickOutbox: () => void;
  /** True when feedback is forwarded somewhere (e-mail or webhook configured). */
  forwarding: boolean;
  locality: string;
  clock: () => Date;
}

export function profileOf(context: TurnContext): ChannelProfile {
  return channelProfile(context.activity.channelId);
}

/** One conversation on one channel: the key for per-conversation limits and subscriptions. */
export function conversationKey(context: TurnContext): string {
  return conversationKeyOf(context);
}

/** Sends what was rendered and remembers its menu for the next reply. */
export async function send(deps: DialogDeps, context: TurnContext, rendered: Rendered): Promise<void> {
  const data = await deps.conversationData.get(context, {});
  await context.sendActivities(rendered.activities);
  data.menu = rendered.menu;
}
