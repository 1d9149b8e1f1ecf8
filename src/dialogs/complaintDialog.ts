/**
 * Collects a feedback one question at a time: the content, what it is about,
 * consent to collect personal data (no yes, no collection), then name,
 * address, phone and e-mail. A khiếu nại or tố cáo is first redirected to where
 * it must be filed, with the offer to record feedback anyway.
 */
import { randomUUID } from 'node:crypto';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ComplaintDraft } from '../complaints/schema.js';
import { yesNo } from '../language/yesNo.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { ComplaintReviewDialog, type ReviewOptions } from './complaintReviewDialog.js';
import { send, type DialogDeps } from './context.js';
import { COMPLAINT_DIALOG, COMPLAINT_REVIEW_DIALOG, COMPLAINT_WATERFALL, FIELD_PROMPT, YES_NO_PROMPT } from './ids.js';
import { FIELD_CHECKS, fieldPrompt, yesNoPrompt, type FieldName } from './prompts.js';

export interface ComplaintOptions {
  formal?: 'khieu-nai' | 'to-cao';
  /** What the conversation was about, pre-filled ("Hồ sơ X99.01-261116-0001"). */
  related?: string;
}

type Values = Partial<ComplaintDraft>;

export class ComplaintDialog extends CancelAndHelpDialog {
  constructor(deps: DialogDeps) {
    super(COMPLAINT_DIALOG, deps);
    this.addDialog(fieldPrompt(FIELD_PROMPT, deps.renderer.messages));
    this.addDialog(yesNoPrompt(YES_NO_PROMPT));
    this.addDialog(new ComplaintReviewDialog(deps));
    this.addDialog(
      new WaterfallDialog(COMPLAINT_WATERFALL, [
        this.scopeStep.bind(this),
        this.contentStep.bind(this),
        this.relatedStep.bind(this),
        this.consentStep.bind(this),
        this.nameStep.bind(this),
        this.addressStep.bind(this),
        this.phoneStep.bind(this),
        this.emailStep.bind(this),
        this.reviewStep.bind(this),
      ]),
    );
    this.initialDialogId = COMPLAINT_WATERFALL;
  }

  private get m() {
    return this.deps.renderer.messages.feedback;
  }

  private ask(step: WaterfallStepContext, field: FieldName, prompt: string) {
    return step.prompt(FIELD_PROMPT, { prompt, validations: { field } });
  }

  /** Store the answer to the previous field question, normalised. */
  private keep(step: WaterfallStepContext, field: FieldName): void {
    const checked = FIELD_CHECKS[field](String(step.result ?? ''));
    if (checked.ok) (step.values as Values)[field] = checked.value;
  }

  /** A khiếu nại or tố cáo: say where it goes, and offer to record feedback anyway. */
  private async scopeStep(step: WaterfallStepContext) {
    const { formal } = (step.options ?? {}) as ComplaintOptions;
    if (!formal) return step.next();
    await step.context.sendActivity(formal === 'khieu-nai' ? this.m.khieuNai : this.m.toCao);
    return step.prompt(YES_NO_PROMPT, { prompt: this.m.offerAnyway, retryPrompt: this.m.consentUnclear });
  }

  /** Ask for the content. */
  private async contentStep(step: WaterfallStepContext) {
    if (step.result !== undefined && yesNo(String(step.result)) === 'no') {
      await send(this.deps, step.context, this.deps.renderer.text(this.m.declined));
      return step.endDialog();
    }
    return this.ask(step, 'content', this.m.askContent);
  }

  /** What it is about: known from the conversation, or asked. */
  private async relatedStep(step: WaterfallStepContext) {
    this.keep(step, 'content');
    const { related } = (step.options ?? {}) as ComplaintOptions;
    if (related) {
      (step.values as Values).related = related;
      return step.next();
    }
    return this.ask(step, 'related', this.m.askRelated);
  }

  /** Why personal data is needed and who sees it; nothing is collected without a yes. */
  private async consentStep(step: WaterfallStepContext) {
    if ((step.values as Values).related === undefined) this.keep(step, 'related');
    return step.prompt(YES_NO_PROMPT, { prompt: this.m.consent(this.deps.locality), retryPrompt: this.m.consentUnclear });
  }

  private async nameStep(step: WaterfallStepContext) {
    if (yesNo(String(step.result)) !== 'yes') {
      await send(this.deps, step.context, this.deps.renderer.text(this.m.consentRefused));
      return step.endDialog();
    }
    return this.ask(step, 'name', this.m.askName);
  }

  private async addressStep(step: WaterfallStepContext) {
    this.keep(step, 'name');
    return this.ask(step, 'address', this.m.askAddress);
  }

  private async phoneStep(step: WaterfallStepContext) {
    this.keep(step, 'address');
    return this.ask(step, 'phone', this.m.askPhone);
  }

  private async emailStep(step: WaterfallStepContext) {
    this.keep(step, 'phone');
    return this.ask(step, 'email', this.m.askEmail);
  }

  /** Read everything back; the review dialog corrects, confirms or cancels. */
  private async reviewStep(step: WaterfallStepContext) {
    this.keep(step, 'email');
    const v = step.values as Values;
    const draft: ComplaintDraft = { content: v.content!, related: v.related ?? '', name: v.name!, address: v.address!, phone: v.phone!, email: v.email ?? '' };
    return step.replaceDialog(COMPLAINT_REVIEW_DIALOG, { draft, draftId: randomUUID() } satisfies ReviewOptions);
  }
}
