/** A conversation with the real main dialog through botbuilder-testing, one turn at a time. */
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import type { App } from '../src/app.js';
import { buttons, visibleText } from './helpers.js';

export interface Turn {
  replies: Array<Partial<Activity>>;
  /** All visible text of the turn's replies, joined. */
  text: string;
  buttons: Array<{ title: string; value: string }>;
}

export function conversation(app: App, channelId = 'test') {
  const client = new DialogTestClient(channelId, app.dialog, undefined, [], app.conversationState);
  return {
    client,
    async say(text: string): Promise<Turn> {
      const replies: Array<Partial<Activity>> = [];
      let reply: Partial<Activity> | undefined = await client.sendActivity(text);
      while (reply) {
        if (reply.type === 'message') replies.push(reply);
        reply = client.getNextReply();
      }
      return { replies, text: replies.map(visibleText).join('\n---\n'), buttons: replies.flatMap(buttons) };
    },
  };
}
