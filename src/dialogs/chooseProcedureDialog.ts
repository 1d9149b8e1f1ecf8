/**
 * Two to five procedures fit about equally well, or the leaders are variants
 * of one procedure: ask which one, by button, number or name (a variant by
 * what tells it apart). A reply that is no choice goes back to the router as a new
 * question rather than being asked again.
 */
import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { VariantQuestion } from '../catalogue/variants.js';
import type { Aspect } from '../language/aspects.js';
import { pickChoice } from '../language/choice.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { profileOf, send, type DialogDeps } from './context.js';
import { CHOOSE_PROCEDURE_DIALOG, CHOOSE_WATERFALL, TEXT_PROMPT } from './ids.js';

export interface ChooseOptions {
  procedureIds: string[];
  aspects: Aspect[];
  /** Variants of one procedure: asked by what tells them apart ("cấp mới, điều chỉnh hay gia hạn?"). */
  variants?: VariantQuestion;
}

/** What the dialog ends with: nothing, or a message to route as a new question. */
export interface ChooseResult {
  reroute?: string;
}

export class ChooseProcedureDialog extends CancelAndHelpDialog {
  constructor(deps: DialogDeps) {
    super(CHOOSE_PROCEDURE_DIALOG, deps);
    this.addDialog(new TextPrompt(TEXT_PROMPT));
    this.addDialog(new WaterfallDialog(CHOOSE_WATERFALL, [this.askStep.bind(this), this.pickStep.bind(this)]));
    this.initialDialogId = CHOOSE_WATERFALL;
  }

  private candidates(step: WaterfallStepContext) {
    const { procedureIds } = step.options as ChooseOptions;
    return procedureIds.flatMap((id) => this.deps.guide.get(id) ?? []);
  }

  /** Show the candidates and wait for the reply. */
  private async askStep(step: WaterfallStepContext) {
    const { variants } = step.options as ChooseOptions;
    await send(this.deps, step.context, this.deps.renderer.choices(this.candidates(step), profileOf(step.context), variants));
    return step.prompt(TEXT_PROMPT, {});
  }

  /** Answer the chosen procedure, or hand the reply back as a new question. */
  private async pickStep(step: WaterfallStepContext) {
    const reply = String(step.result ?? '');
    const candidates = this.candidates(step);
    const data = await this.deps.conversationData.get(step.context, {});
    const index = pickChoice(reply, data.menu ?? []);
    if (index === undefined) return step.endDialog({ reroute: reply } satisfies ChooseResult);
    const chosen = candidates[index];
    if (!chosen) {
      await send(this.deps, step.context, this.deps.renderer.text(this.deps.renderer.messages.notThisOneReply));
      return step.endDialog({} satisfies ChooseResult);
    }
    const { aspects } = step.options as ChooseOptions;
    const answer = this.deps.guide.answer(chosen, aspects, false);
    if (answer.kind === 'procedure') {
      await send(this.deps, step.context, this.deps.renderer.procedure(answer, profileOf(step.context)));
      data.procedureId = chosen.id;
    }
    return step.endDialog({} satisfies ChooseResult);
  }
}
