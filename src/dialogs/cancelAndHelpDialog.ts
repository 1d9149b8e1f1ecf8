/**
 * Base for every multi-turn flow: "hủy" leaves it, "bắt đầu lại" starts over,
 * "giúp" explains and keeps waiting. No flow is a dead end. Which words are
 * commands depends on what the flow waits for (the turn router decides): to a
 * yes/no question "thôi" and "đúng rồi" are answers, not a cancel.
 */
import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Expecting } from '../guide/turnRouter.js';
import { profileOf, send, type DialogDeps } from './context.js';
import { DOSSIER_CODE_PROMPT, FIELD_PROMPT, PHONE_DIGITS_PROMPT, REVIEW_PROMPT, TEXT_PROMPT, YES_NO_PROMPT } from './ids.js';

/** What each prompt waits for. The choice prompt's options are the menu on screen. */
const PROMPT_EXPECTS: Record<string, Exclude<Expecting['kind'], 'question'>> = {
  [YES_NO_PROMPT]: 'yes-no',
  [PHONE_DIGITS_PROMPT]: 'digits',
  [DOSSIER_CODE_PROMPT]: 'dossier-code',
  [REVIEW_PROMPT]: 'review',
  [FIELD_PROMPT]: 'field',
  [TEXT_PROMPT]: 'menu',
};

export abstract class CancelAndHelpDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly deps: DialogDeps,
  ) {
    super(id);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(inner)) ?? super.onContinueDialog(inner);
  }

  /** What the active prompt waits for; undefined when a nested flow is active (it interrupts for itself). */
  private async expecting(inner: DialogContext): Promise<Expecting | undefined> {
    const kind = PROMPT_EXPECTS[inner.activeDialog?.id ?? ''];
    if (!kind) return inner.activeDialog && inner.findDialog(inner.activeDialog.id) instanceof CancelAndHelpDialog ? undefined : { kind: 'field' };
    if (kind !== 'menu') return { kind };
    const data = await this.deps.conversationData.get(inner.context, {});
    return { kind, options: data.menu ?? [] };
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = inner.context;
    if (activity.type !== ActivityTypes.Message || !activity.text) return undefined;
    const expecting = await this.expecting(inner);
    if (!expecting) return undefined;
    const turn = this.deps.router.classify(activity.text, expecting);
    if (turn.kind !== 'command') return undefined;
    const { renderer } = this.deps;
    switch (turn.command) {
      case 'cancel':
        await send(this.deps, inner.context, renderer.text(renderer.messages.cancelled));
        return inner.cancelAllDialogs();
      case 'restart': {
        await this.deps.conversationData.set(inner.context, {});
        await inner.context.sendActivity(renderer.messages.restarted);
        await send(this.deps, inner.context, renderer.welcome(profileOf(inner.context)));
        return inner.cancelAllDialogs();
      }
      case 'help':
        await inner.context.sendActivities(renderer.help(profileOf(inner.context)).activities);
        return { status: DialogTurnStatus.waiting };
      default:
        return undefined;
    }
  }
}
