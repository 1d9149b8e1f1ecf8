/**
 * A Bot Framework adapter for channels we host ourselves (the built-in Direct
 * Line for Web Chat, Zalo): the bot's replies are handed to `deliver` instead
 * of being posted to a Bot Connector service. The same bot and dialogs run;
 * proactive messages go through continueConversation as on any adapter.
 */
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';

export abstract class PushAdapter extends BotAdapter {
  /** Hands one reply to the channel. */
  protected abstract deliver(activity: Partial<Activity>): Promise<void>;

  async sendActivities(_context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((r) => setTimeout(r, Number(activity.value ?? 0)));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === ActivityTypes.Trace) {
        responses.push({ id: '' });
        continue;
      }
      const id = activity.id ?? randomUUID();
      await this.deliver({ ...activity, id, timestamp: new Date() });
      responses.push({ id });
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('this channel cannot update sent messages');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('this channel cannot delete sent messages');
  }

  /** Runs the bot on an incoming activity. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  /** A turn outside any incoming message: dossier notifications, office answers. */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'ContinueConversation' }, reference, true);
    await this.processActivity(activity, logic);
  }
}
