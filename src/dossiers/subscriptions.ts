/**
 * Conversations waiting for news of a dossier ("Báo cho tôi khi có kết quả").
 * Durable, so subscriptions survive restarts. The conversation reference is
 * kept opaque here: only the channel layer knows its shape.
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import { openDatabase } from '../storage/durableFile.js';

export interface Subscription {
  code: string;
  /** Identifies the conversation (channel + conversation id): one subscription per code and conversation. */
  conversationKey: string;
  reference: unknown;
  lastStatus: number;
  createdAt: string;
}

export const SUBSCRIPTIONS_FILE = 'dossier-subscriptions.json';

export class SubscriptionStore {
  private constructor(private readonly db: Low<{ subscriptions: Subscription[] }>) {}

  static async open(dataDir: string): Promise<SubscriptionStore> {
    return new SubscriptionStore(await openDatabase(path.join(dataDir, SUBSCRIPTIONS_FILE), { subscriptions: [] as Subscription[] }));
  }

  async add(subscription: Subscription): Promise<void> {
    const list = this.db.data.subscriptions.filter((s) => !(s.code === subscription.code && s.conversationKey === subscription.conversationKey));
    this.db.data.subscriptions = [...list, subscription];
    await this.db.write();
  }

  forCode(code: string): readonly Subscription[] {
    return this.db.data.subscriptions.filter((s) => s.code === code);
  }

  codes(): string[] {
    return [...new Set(this.db.data.subscriptions.map((s) => s.code))];
  }

  async update(subscription: Subscription, lastStatus: number, keep: boolean): Promise<void> {
    const others = this.db.data.subscriptions.filter((s) => !(s.code === subscription.code && s.conversationKey === subscription.conversationKey));
    this.db.data.subscriptions = keep ? [...others, { ...subscription, lastStatus }] : others;
    await this.db.write();
  }
}
