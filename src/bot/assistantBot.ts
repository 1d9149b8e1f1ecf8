/**
 * The ActivityHandler: welcome on join, run the dialog stack on each message,
 * save conversation state once per turn. Turns of one conversation run one
 * after another (whatever channel or adapter they come from), so a fast
 * second message never works on the state the first is still changing.
 */
import { ActivityHandler, type ConversationState, type InvokeResponse, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { runDialog, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { profileOf, send, type DialogDeps } from '../dialogs/context.js';
import { KeyedSerialiser } from './keyedSerialiser.js';
import { conversationKeyOf } from './turnNamespace.js';

export class AssistantBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly turns = new KeyedSerialiser();

  constructor(
    private readonly conversationState: ConversationState,
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

  /**
   * The assistant takes no invoke activities (card actions arrive as messages):
   * one is answered 400 as a request this bot does not accept, not the SDK's 501.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    return { status: 400, body: { error: `invoke "${String(context.activity.name ?? '').slice(0, 64)}" is not supported` } };
  }

  /** Turns are serialised by the conversation's storage key, so work on stored state can take the same slot (exclusive). */
  override run(context: TurnContext): Promise<void> {
    return this.turns.run(this.conversationState.getStorageKey(context) ?? conversationKeyOf(context), () => super.run(context));
  }

  /** Runs `work` while no turn of the conversation stored under `storageKey` runs. */
  exclusive<T>(storageKey: string, work: () => Promise<T>): Promise<T> {
    return this.turns.run(storageKey, work);
  }
}
