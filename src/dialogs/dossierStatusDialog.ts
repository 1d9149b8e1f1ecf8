/**
 * "Hồ sơ của tôi đến đâu rồi?": ask for the dossier code (unless given),
 * explain precisely what is wrong with a malformed one, ask for the last four
 * digits of the registered phone number, then show the status.
 */
import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { parseDossierCode, type CodeProblem } from '../dossiers/dossierCode.js';
import { CLOSED_STATUSES } from '../dossiers/schema.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import type { ChooseResult } from './chooseProcedureDialog.js';
import { conversationKey, profileOf, send, type DialogDeps } from './context.js';
import { DOSSIER_CODE_PROMPT, DOSSIER_STATUS_DIALOG, DOSSIER_WATERFALL, PHONE_DIGITS_PROMPT } from './ids.js';
import { fourDigits, fourDigitsPrompt } from './prompts.js';

export interface DossierOptions {
  code?: string;
  /** What was wrong with the code last given. */
  problem?: CodeProblem;
  attempts?: number;
}

/** After this many malformed codes the dialog stops asking and points to the hotline. */
export const MAX_CODE_ATTEMPTS = 3;

export class DossierStatusDialog extends CancelAndHelpDialog {
  constructor(deps: DialogDeps) {
    super(DOSSIER_STATUS_DIALOG, deps);
    this.addDialog(new TextPrompt(DOSSIER_CODE_PROMPT));
    this.addDialog(fourDigitsPrompt(PHONE_DIGITS_PROMPT));
    this.addDialog(new WaterfallDialog(DOSSIER_WATERFALL, [this.codeStep.bind(this), this.phoneStep.bind(this), this.lookupStep.bind(this)]));
    this.initialDialogId = DOSSIER_WATERFALL;
  }

  private get m() {
    return this.deps.renderer.messages.dossier;
  }

  /** Ask for the code, unless the message already carried it. */
  private async codeStep(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as DossierOptions;
    if (options.code) return step.next(options.code);
    if ((options.attempts ?? 0) >= MAX_CODE_ATTEMPTS) {
      await send(this.deps, step.context, this.deps.renderer.text(this.m.tooManyBadCodes));
      return step.endDialog();
    }
    return step.prompt(DOSSIER_CODE_PROMPT, { prompt: options.problem ? this.m.badCode(options.problem) : this.m.askCode });
  }

  /** Check the code; ask for the last four phone digits. */
  private async phoneStep(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as DossierOptions;
    const reply = String(step.result ?? '');
    const parsed = parseDossierCode(reply);
    if (parsed.kind === 'invalid') {
      return step.replaceDialog(DOSSIER_STATUS_DIALOG, { problem: parsed.problem, attempts: (options.attempts ?? 0) + 1 } satisfies DossierOptions);
    }
    if (parsed.kind === 'absent') return step.endDialog({ reroute: reply } satisfies ChooseResult);
    if (this.deps.dossiers.isLocked(parsed.code)) {
      await send(this.deps, step.context, this.deps.renderer.text(this.m.locked));
      return step.endDialog();
    }
    (step.values as { code?: string }).code = parsed.code;
    return step.prompt(PHONE_DIGITS_PROMPT, { prompt: this.m.askPhone, retryPrompt: this.m.badPhone });
  }

  /** Look the dossier up and show what the citizen may see. */
  private async lookupStep(step: WaterfallStepContext) {
    const digits = fourDigits(String(step.result ?? ''));
    const { renderer } = this.deps;
    if (!digits) {
      await send(this.deps, step.context, renderer.text(this.m.badPhone));
      return step.endDialog();
    }
    const code = (step.values as { code: string }).code;
    const result = await this.deps.dossiers.lookup(code, digits, conversationKey(step.context));
    if (result.kind === 'found') {
      const data = await this.deps.conversationData.get(step.context, {});
      data.dossier = { code, status: result.view.status };
      const open = !CLOSED_STATUSES.has(result.view.status);
      const actions = open ? [this.m.subscribeLabel, this.m.feedbackLabel] : [this.m.feedbackLabel];
      await send(this.deps, step.context, renderer.dossier(result.view, actions, profileOf(step.context)));
    } else {
      const replies = { 'not-verified': this.m.notVerified, locked: this.m.locked, 'rate-limited': this.m.rateLimited, unavailable: this.m.unavailable };
      await send(this.deps, step.context, renderer.text(replies[result.kind]));
    }
    return step.endDialog();
  }
}
