/**
 * Reads a feedback draft back: the citizen corrects any field by naming it,
 * confirms with "gửi", or cancels. On confirmation the record is written
 * durably before the reply with the tracking code; the draft id makes a
 * repeated confirmation harmless.
 */
import { TextPrompt, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { TurnContext } from 'botbuilder';
import type { ComplaintDraft } from '../complaints/schema.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { conversationKey, profileOf, send, type DialogDeps } from './context.js';
import { COMPLAINT_REVIEW_DIALOG, COMPLAINT_REVIEW_WATERFALL, FIELD_PROMPT, REVIEW_PROMPT } from './ids.js';
import { FIELD_CHECKS, fieldNamed, fieldPrompt, isSendConfirmation, type FieldName } from './prompts.js';

export interface ReviewOptions {
  draft: ComplaintDraft;
  draftId: string;
  /** A field the citizen asked to correct. */
  fixing?: FieldName;
}

export class ComplaintReviewDialog extends CancelAndHelpDialog {
  constructor(deps: DialogDeps) {
    super(COMPLAINT_REVIEW_DIALOG, deps);
    this.addDialog(fieldPrompt(FIELD_PROMPT, deps.renderer.messages));
    this.addDialog(new TextPrompt(REVIEW_PROMPT, async (p: PromptValidatorContext<string>) => isSendConfirmation(p.recognized.value ?? '') || fieldNamed(p.recognized.value ?? '') !== undefined));
    this.addDialog(new WaterfallDialog(COMPLAINT_REVIEW_WATERFALL, [this.fixStep.bind(this), this.showStep.bind(this), this.decideStep.bind(this)]));
    this.initialDialogId = COMPLAINT_REVIEW_WATERFALL;
  }

  private get m() {
    return this.deps.renderer.messages.feedback;
  }

  /** Ask for the field being corrected, if any. */
  private async fixStep(step: WaterfallStepContext) {
    const { fixing } = step.options as ReviewOptions;
    if (!fixing) return step.next();
    const prompts: Record<FieldName, string> = {
      content: this.m.askContent, related: this.m.askRelated, name: this.m.askName, address: this.m.askAddress, phone: this.m.askPhone, email: this.m.askEmail,
    };
    return step.prompt(FIELD_PROMPT, { prompt: prompts[fixing], validations: { field: fixing } });
  }

  /** Apply the correction and read everything back. */
  private async showStep(step: WaterfallStepContext) {
    const options = step.options as ReviewOptions;
    if (options.fixing) {
      const checked = FIELD_CHECKS[options.fixing](String(step.result ?? ''));
      if (checked.ok) options.draft = { ...options.draft, [options.fixing]: checked.value };
      options.fixing = undefined;
    }
    const d = options.draft;
    const f = this.m.fields;
    const sheet = {
      title: this.m.review,
      facts: [
        [f.content, d.content], [f.related, d.related || this.m.none], [f.name, d.name],
        [f.address, d.address], [f.phone, d.phone], [f.email, d.email || this.m.none],
      ] as const,
      outro: [this.m.reviewHint],
    };
    await send(this.deps, step.context, this.deps.renderer.sheet(sheet, [this.m.sendLabel], profileOf(step.context)));
    return step.prompt(REVIEW_PROMPT, { retryPrompt: this.m.reviewUnclear });
  }

  /** Send it, or go back to correct a field. */
  private async decideStep(step: WaterfallStepContext) {
    const options = step.options as ReviewOptions;
    const reply = String(step.result ?? '');
    if (!isSendConfirmation(reply)) {
      return step.replaceDialog(COMPLAINT_REVIEW_DIALOG, { ...options, fixing: fieldNamed(reply) } satisfies ReviewOptions);
    }
    const { context } = step;
    const result = await this.deps.complaints.submit(options.draft, {
      draftId: options.draftId,
      channel: context.activity.channelId,
      conversationKey: conversationKey(context),
      reference: TurnContext.getConversationReference(context.activity),
    });
    if (result.kind === 'limit') {
      await send(this.deps, context, this.deps.renderer.text(result.scope === 'phone' ? this.m.limitPhone : this.m.limitConversation));
      return step.endDialog();
    }
    const data = await this.deps.conversationData.get(context, {});
    data.lastFeedback = { code: result.complaint.code, draftId: options.draftId };
    await send(this.deps, context, this.deps.renderer.text(this.m.received(result.complaint.code, this.deps.forwarding)));
    this.deps.kickOutbox();
    return step.endDialog();
  }
}
