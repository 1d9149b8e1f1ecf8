/** The bot's replies on the built-in Direct Line go straight into the conversation's stream. */
import type { Activity } from 'botbuilder';
import { PushAdapter } from '../pushAdapter.js';
import type { ConversationHub } from './hub.js';

/** Conversation references of the built-in Direct Line carry this service URL. */
export const LOCAL_DIRECT_LINE_SERVICE_URL = 'local://directline';
export const WEBCHAT_CHANNEL_ID = 'webchat';

export class DirectLineAdapter extends PushAdapter {
  constructor(private readonly hub: ConversationHub) {
    super();
  }

  protected async deliver(activity: Partial<Activity>): Promise<void> {
    const id = activity.conversation?.id;
    if (!id || !this.hub.append(id, activity)) throw new Error('the web chat conversation is no longer open');
  }
}
