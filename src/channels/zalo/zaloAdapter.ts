/**
 * The bot's replies on Zalo: plain text (the renderer numbers every choice on
 * this channel), split at paragraph and line boundaries under Zalo's length
 * limit, sent in order through the OA API.
 */
import type { Activity } from 'botbuilder';
import { packSections } from '../../render/procedureText.js';
import { PushAdapter } from '../pushAdapter.js';
import type { ZaloApi } from './api.js';

export const ZALO_CHANNEL_ID = 'zalo';
export const ZALO_TEXT_LIMIT = 2000;

/** Text of an activity for a channel with no cards: its text, or the text and buttons of its cards. */
export function plainText(activity: Partial<Activity>): string {
  const parts = [activity.text ?? ''];
  for (const a of activity.attachments ?? []) {
    const c = (a.content ?? {}) as { title?: string; text?: string; buttons?: Array<{ title: string }> };
    parts.push([c.title, c.text, ...(c.buttons ?? []).map((b, i) => `${i + 1}. ${b.title}`)].filter(Boolean).join('\n'));
  }
  return parts.filter(Boolean).join('\n\n');
}

export class ZaloAdapter extends PushAdapter {
  constructor(private readonly api: ZaloApi) {
    super();
  }

  protected async deliver(activity: Partial<Activity>): Promise<void> {
    if (activity.type !== 'message') return;
    const userId = activity.recipient?.id;
    const text = plainText(activity);
    if (!userId || !text) return;
    for (const part of packSections([text], ZALO_TEXT_LIMIT)) await this.api.sendText(userId, part);
  }
}
