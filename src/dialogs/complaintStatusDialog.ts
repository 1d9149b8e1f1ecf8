/** "Kiểm tra phản ánh PAKN-…": the same last-four-digits check as dossiers, then the status and any answer. */
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { COMPLAINT_STATUSES } from '../complaints/schema.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { conversationKey, send, type DialogDeps } from './context.js';
import { COMPLAINT_STATUS_DIALOG, COMPLAINT_STATUS_WATERFALL, PHONE_DIGITS_PROMPT } from './ids.js';
import { fourDigits, fourDigitsPrompt } from './prompts.js';

export interface ComplaintStatusOptions {
  code: string;
}

export class ComplaintStatusDialog extends CancelAndHelpDialog {
  constructor(deps: DialogDeps) {
    super(COMPLAINT_STATUS_DIALOG, deps);
    this.addDialog(fourDigitsPrompt(PHONE_DIGITS_PROMPT));
    this.addDialog(new WaterfallDialog(COMPLAINT_STATUS_WATERFALL, [this.digitsStep.bind(this), this.statusStep.bind(this)]));
    this.initialDialogId = COMPLAINT_STATUS_WATERFALL;
  }

  private get m() {
    return this.deps.renderer.messages.feedback;
  }

  private async digitsStep(step: WaterfallStepContext) {
    const { code } = step.options as ComplaintStatusOptions;
    if (this.deps.complaints.isLocked(code)) {
      await send(this.deps, step.context, this.deps.renderer.text(this.m.locked));
      return step.endDialog();
    }
    return step.prompt(PHONE_DIGITS_PROMPT, { prompt: this.m.askDigits, retryPrompt: this.deps.renderer.messages.dossier.badPhone });
  }

  private async statusStep(step: WaterfallStepContext) {
    const { code } = step.options as ComplaintStatusOptions;
    const digits = fourDigits(String(step.result ?? ''));
    if (!digits) {
      await send(this.deps, step.context, this.deps.renderer.text(this.deps.renderer.messages.dossier.badPhone));
      return step.endDialog();
    }
    const result = await this.deps.complaints.status(code, digits, conversationKey(step.context));
    if (result.kind !== 'found') {
      const replies = { 'not-verified': this.m.notVerified, locked: this.m.locked, 'rate-limited': this.deps.renderer.messages.dossier.rateLimited };
      await send(this.deps, step.context, this.deps.renderer.text(replies[result.kind]));
      return step.endDialog();
    }
    const c = result.complaint;
    const when = new Date(c.createdAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    const text = [this.m.status(c.code, COMPLAINT_STATUSES[c.status], when), c.answer ? this.m.answer(c.answer) : ''].filter(Boolean).join('\n\n');
    await send(this.deps, step.context, this.deps.renderer.text(text));
    return step.endDialog();
  }
}
