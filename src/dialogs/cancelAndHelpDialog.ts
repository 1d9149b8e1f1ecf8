/**
 * Base for every multi-turn flow: "hủy" leaves it, "bắt đầu lại" starts over,
 * "giúp" explains and keeps waiting. No flow is a dead end.
 */
import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { profileOf, send, type DialogDeps } from './context.js';

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

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = inner.context;
    if (activity.type !== ActivityTypes.Message || !activity.text) return undefined;
    const { guide, renderer } = this.deps;
    switch (guide.command(activity.text)) {
      case 'cancel':
        await send(this.deps, inner.context, renderer.text(this.deps.renderer.messages.cancelled));
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
