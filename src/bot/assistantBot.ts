/**
 * The ActivityHandler: welcome on join, run the dialog stack on each message,
 * save conversation state once per turn.
 */
import { ActivityHandler, type BotState, type StatePropertyAccessor } from 'botbuilder';
import { runDialog, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { profileOf, send, type DialogDeps } from '../dialogs/context.js';

export class AssistantBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: BotState,
    dialog: Dialog,
    deps: DialogDeps,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient.id);
      if (joined.length > 0) await send(deps, context, deps.renderer.welcome(profileOf(context)));
      await next();
    });

    this.onMessage(async (context, next) => {
      await runDialog(dialog, context, this.dialogState);
      await next();
    });

    this.onDialog(async (context, next) => {
      await this.conversationState.saveChanges(context, false);
      await next();
    });
  }
}
