/**
 * The main dialog: every message that is not inside a flow starts here. The
 * turn router says what the message is; this answers it, or starts the flow
 * it needs.
 */
import { title } from '../render/procedureText.js';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Turn } from '../guide/turnRouter.js';
import { ChooseProcedureDialog, type ChooseOptions, type ChooseResult } from './chooseProcedureDialog.js';
import { conversationKey, profileOf, send, type ConversationData, type DialogDeps } from './context.js';
import { ComplaintDialog, type ComplaintOptions } from './complaintDialog.js';
import { ComplaintStatusDialog, type ComplaintStatusOptions } from './complaintStatusDialog.js';
import { DossierStatusDialog, type DossierOptions } from './dossierStatusDialog.js';
import { CLOSED_STATUSES, type DossierStatus } from '../dossiers/schema.js';
import { TurnContext } from 'botbuilder';
import { CHOOSE_PROCEDURE_DIALOG, COMPLAINT_DIALOG, COMPLAINT_STATUS_DIALOG, DOSSIER_STATUS_DIALOG, MAIN_DIALOG, MAIN_WATERFALL } from './ids.js';

export interface RouteOptions {
  /** A message handed back by a flow, to be routed as if just received. */
  text?: string;
}

export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(MAIN_DIALOG);
    this.addDialog(new ChooseProcedureDialog(deps));
    this.addDialog(new DossierStatusDialog(deps));
    this.addDialog(new ComplaintDialog(deps));
    this.addDialog(new ComplaintStatusDialog(deps));
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [this.routeStep.bind(this), this.rerouteStep.bind(this)]));
    this.initialDialogId = MAIN_WATERFALL;
  }

  /** Work out what the message is (the turn router) and answer it, or begin the flow it needs. */
  private async routeStep(step: WaterfallStepContext) {
    const { context } = step;
    const { renderer, router } = this.deps;
    const data = await this.deps.conversationData.get(context, {});
    let text = (step.options as RouteOptions | undefined)?.text ?? context.activity.text ?? '';
    if (data.feedbackDraftExpired) {
      delete data.feedbackDraftExpired;
      await send(this.deps, context, renderer.text(renderer.messages.feedback.draftExpired));
    }
    let turn = router.classify(text, { kind: 'question', menu: data.menu, sent: data.lastFeedback !== undefined });
    // A bare number picks from the last numbered list (plain-text channels): route what it names.
    if (turn.kind === 'pick') {
      text = data.menu![turn.index]!;
      turn = router.classify(text, { kind: 'question' });
    }
    if (turn.kind === 'resend' && data.lastFeedback) {
      // A second "gửi" after a feedback was recorded (a double tap) creates nothing new.
      await send(this.deps, context, renderer.text(renderer.messages.feedback.alreadyReceived(data.lastFeedback.code)));
      return step.endDialog();
    }
    delete data.lastFeedback;
    return this.dispatch(step, turn, text, data);
  }

  /** One branch per kind of turn. */
  private async dispatch(step: WaterfallStepContext, turn: Turn, text: string, data: ConversationData) {
    const { context } = step;
    const { renderer } = this.deps;
    const profile = profileOf(context);
    switch (turn.kind) {
      case 'empty':
        await send(this.deps, context, renderer.help(profile));
        break;
      case 'command':
        await this.command(step, turn.command);
        break;
      case 'dossier':
        return step.beginDialog(DOSSIER_STATUS_DIALOG, { code: turn.code, problem: turn.problem, attempts: turn.problem ? 1 : 0 } satisfies DossierOptions);
      case 'subscribe':
        if (!data.dossier) {
          await context.sendActivity(renderer.messages.dossier.subscribeNeedsLookup);
          return step.beginDialog(DOSSIER_STATUS_DIALOG, {} satisfies DossierOptions);
        }
        await this.subscribe(step, data.dossier);
        break;
      case 'feedback':
        return step.beginDialog(COMPLAINT_DIALOG, { formal: turn.formal, related: this.relatedTopic(data) } satisfies ComplaintOptions);
      case 'feedback-status':
        return step.beginDialog(COMPLAINT_STATUS_DIALOG, { code: turn.code } satisfies ComplaintStatusOptions);
      default:
        // 'question' (and a stray 'reply', 'pick' or 'resend' with nothing to act on): a procedure question.
        return this.answerQuestion(step, text, data);
    }
    return step.endDialog();
  }

  /** A procedure question: the guide answers with one procedure, a short list, a referral, or an honest "I don't know". */
  private async answerQuestion(step: WaterfallStepContext, text: string, data: ConversationData) {
    const { context } = step;
    const { guide, renderer } = this.deps;
    const profile = profileOf(context);
    const answer = guide.ask(text, { procedureId: data.procedureId });
    switch (answer.kind) {
      case 'procedure':
        data.procedureId = answer.procedure.id;
        await send(this.deps, context, renderer.procedure(answer, profile));
        break;
      case 'choose':
        return step.beginDialog(CHOOSE_PROCEDURE_DIALOG, {
          procedureIds: answer.candidates.map((c) => c.id),
          aspects: answer.aspects,
          variants: answer.variants,
        } satisfies ChooseOptions);
      case 'elsewhere':
        // Not covered by the knowledge: a gap the administrators see in the unanswered log.
        await this.deps.unanswered.record(text, context.activity.channelId);
        await send(this.deps, context, renderer.elsewhere(answer.procedures, profile));
        break;
      case 'unknown':
        await this.deps.unanswered.record(text, context.activity.channelId);
        await send(this.deps, context, renderer.textWithChoices(renderer.messages.unknown, [renderer.messages.feedback.offerLabel], profile));
        break;
    }
    return step.endDialog();
  }

  /** A flow handed a message back (a reply that was no choice): route it afresh. */
  private async rerouteStep(step: WaterfallStepContext) {
    const result = step.result as ChooseResult | undefined;
    if (result?.reroute) return step.replaceDialog(MAIN_WATERFALL, { text: result.reroute } satisfies RouteOptions);
    return step.endDialog();
  }

  /** What the conversation was about, to pre-fill a feedback. */
  private relatedTopic(data: ConversationData): string | undefined {
    if (data.dossier) return this.deps.renderer.messages.dossier.title(data.dossier.code);
    const procedure = data.procedureId ? this.deps.guide.get(data.procedureId) : undefined;
    return procedure ? title(procedure) : undefined;
  }

  private async subscribe(step: WaterfallStepContext, dossier: { code: string; status: number }): Promise<void> {
    const { context } = step;
    const m = this.deps.renderer.messages.dossier;
    if (CLOSED_STATUSES.has(dossier.status as DossierStatus)) return send(this.deps, context, this.deps.renderer.text(m.alreadyClosed));
    await this.deps.subscriptions.add({
      code: dossier.code,
      conversationKey: conversationKey(context),
      reference: TurnContext.getConversationReference(context.activity),
      lastStatus: dossier.status,
      createdAt: this.deps.clock().toISOString(),
    });
    return send(this.deps, context, this.deps.renderer.text(m.subscribed(dossier.code)));
  }

  private async command(step: WaterfallStepContext, command: string): Promise<void> {
    const { context } = step;
    const { renderer } = this.deps;
    const m = renderer.messages;
    switch (command) {
      case 'greeting':
        return send(this.deps, context, renderer.text(m.greeting));
      case 'thanks':
        return send(this.deps, context, renderer.text(m.thanks));
      case 'help':
        return send(this.deps, context, renderer.help(profileOf(context)));
      case 'cancel': {
        const data = await this.deps.conversationData.get(context, {});
        const had = data.procedureId !== undefined;
        await this.deps.conversationData.set(context, {});
        return send(this.deps, context, renderer.text(had ? m.cancelled : m.nothingToCancel));
      }
      case 'restart':
        await this.deps.conversationData.set(context, {});
        await context.sendActivity(m.restarted);
        return send(this.deps, context, renderer.welcome(profileOf(context)));
    }
  }
}
