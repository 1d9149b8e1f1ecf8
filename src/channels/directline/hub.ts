/**
 * The built-in Direct Line's conversations: the activity stream of each, read
 * by Web Chat with watermarks. Kept in memory and bounded (oldest activities
 * and idle conversations are dropped); the bot's own state is durable elsewhere.
 */
import type { Activity } from 'botbuilder';

export const MAX_ACTIVITIES_PER_CONVERSATION = 500;
export const MAX_CONVERSATIONS = 20_000;

interface Stream {
  userId: string;
  /** Watermark of activities[0]: earlier ones were dropped. */
  offset: number;
  activities: Array<Partial<Activity>>;
  touchedAt: number;
}

export class ConversationHub {
  private readonly streams = new Map<string, Stream>();

  constructor(private readonly clock: () => Date) {}

  has(id: string): boolean {
    return this.streams.has(id);
  }

  create(id: string, userId: string): void {
    if (this.streams.has(id)) return;
    if (this.streams.size >= MAX_CONVERSATIONS) this.evictIdlest();
    this.streams.set(id, { userId, offset: 0, activities: [], touchedAt: this.clock().getTime() });
  }

  /** Appends and returns the activity's watermark; false when the conversation is gone. */
  append(id: string, activity: Partial<Activity>): boolean {
    const stream = this.streams.get(id);
    if (!stream) return false;
    stream.activities.push(activity);
    if (stream.activities.length > MAX_ACTIVITIES_PER_CONVERSATION) {
      stream.activities.shift();
      stream.offset++;
    }
    stream.touchedAt = this.clock().getTime();
    return true;
  }

  /** Activities after `watermark` (all when absent), and the new watermark. */
  since(id: string, watermark: number | undefined): { activities: Array<Partial<Activity>>; watermark: string } {
    const stream = this.streams.get(id);
    if (!stream) return { activities: [], watermark: String(watermark ?? 0) };
    const end = stream.offset + stream.activities.length;
    const from = Math.max((watermark ?? 0) - stream.offset, 0);
    return { activities: stream.activities.slice(from), watermark: String(end) };
  }

  private evictIdlest(): void {
    let idlest: string | undefined;
    let oldest = Infinity;
    for (const [id, s] of this.streams) {
      if (s.touchedAt < oldest) {
        oldest = s.touchedAt;
        idlest = id;
      }
    }
    if (idlest) this.streams.delete(idlest);
  }
}
