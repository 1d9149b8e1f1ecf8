/**
 * The built-in Direct Line's conversations: the activity stream of each, read
 * by Web Chat with watermarks. Kept in memory and bounded three ways, so no
 * client can grow it without limit: activities per conversation (count and
 * bytes: the oldest are dropped, watermarks keep counting), conversations in
 * all, and bytes across all conversations (the idlest conversations go first).
 * The bot's own state is durable elsewhere; a dropped stream only means an
 * old page has to reload.
 */
import type { Activity } from 'botbuilder';

/** Far more than a conversation shows before a reload; Web Chat reads only what follows its watermark. */
export const MAX_ACTIVITIES_PER_CONVERSATION = 500;
/**
 * A long conversation with cards is a few hundred kilobytes (a procedure card is
 * 2–6 KB of JSON), so 1 MB leaves room while stopping one client from holding
 * more than a sliver of the total.
 */
export const MAX_CONVERSATION_BYTES = 1_048_576;
/** 64 MB keeps thousands of live chats (a typical one is 10–30 KB) at a fraction of a small server's memory. */
export const DEFAULT_TOTAL_BYTES = 64 * 1_048_576;
export const MAX_CONVERSATIONS = 20_000;
/**
 * What a stream costs besides its activities (Map entry, ids, arrays), and what
 * an activity object costs beyond its JSON text; counted so that many empty
 * conversations or tiny activities are bounded too.
 */
export const STREAM_OVERHEAD_BYTES = 512;
export const ACTIVITY_OVERHEAD_BYTES = 128;

export interface HubLimits {
  totalBytes: number;
  conversationBytes: number;
  activitiesPerConversation: number;
  conversations: number;
}

export const DEFAULT_HUB_LIMITS: HubLimits = {
  totalBytes: DEFAULT_TOTAL_BYTES,
  conversationBytes: MAX_CONVERSATION_BYTES,
  activitiesPerConversation: MAX_ACTIVITIES_PER_CONVERSATION,
  conversations: MAX_CONVERSATIONS,
};

interface Entry {
  activity: Partial<Activity>;
  bytes: number;
}

interface Stream {
  userId: string;
  /** Watermark of entries[0]: earlier ones were dropped. */
  offset: number;
  entries: Entry[];
  bytes: number;
}

export class ConversationHub {
  /** Least recently used first: every touch moves a stream to the end, so the idlest is always the first key. */
  private readonly streams = new Map<string, Stream>();
  /**
   * Read from the front, one live iterator for the hub's lifetime: every entry it
   * returns is deleted at once, so it always stands before the live entries (a
   * touched stream is re-added at the end, still ahead of it). A fresh
   * `keys().next()` would rescan the holes left at the front, O(n) per eviction.
   */
  private order = this.streams.entries();
  private total = 0;
  readonly limits: HubLimits;

  constructor(limits: Partial<HubLimits> = {}) {
    this.limits = { ...DEFAULT_HUB_LIMITS, ...limits };
  }

  has(id: string): boolean {
    return this.streams.has(id);
  }

  /** Bytes held across all conversations, as estimated when activities were appended. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.streams.size;
  }

  create(id: string, userId: string): void {
    if (this.streams.has(id)) return;
    this.streams.set(id, { userId, offset: 0, entries: [], bytes: STREAM_OVERHEAD_BYTES });
    this.total += STREAM_OVERHEAD_BYTES;
    while (this.streams.size > this.limits.conversations) this.evictIdlest();
    this.fitTotal();
  }

  /** Appends the activity; false when the conversation is gone. */
  append(id: string, activity: Partial<Activity>): boolean {
    const stream = this.touch(id);
    if (!stream) return false;
    // Sized once here, from its JSON: what it costs to hold and to send back.
    const bytes = (JSON.stringify(activity)?.length ?? 0) + ACTIVITY_OVERHEAD_BYTES;
    stream.entries.push({ activity, bytes });
    stream.bytes += bytes;
    this.total += bytes;
    const { activitiesPerConversation, conversationBytes } = this.limits;
    // The newest activity always stays, even when it alone is over the per-conversation bound.
    let drop = 0;
    while (stream.entries.length - drop > 1 && (stream.entries.length - drop > activitiesPerConversation || stream.bytes > conversationBytes)) {
      stream.bytes -= stream.entries[drop]!.bytes;
      this.total -= stream.entries[drop]!.bytes;
      drop++;
    }
    if (drop > 0) {
      stream.entries.splice(0, drop);
      stream.offset += drop;
    }
    this.fitTotal();
    return true;
  }

  /** Activities after `watermark` (all when absent), and the new watermark. */
  since(id: string, watermark: number | undefined): { activities: Array<Partial<Activity>>; watermark: string } {
    const stream = this.touch(id);
    if (!stream) return { activities: [], watermark: String(watermark ?? 0) };
    const end = stream.offset + stream.entries.length;
    const from = Math.max((watermark ?? 0) - stream.offset, 0);
    return { activities: stream.entries.slice(from).map((e) => e.activity), watermark: String(end) };
  }

  /** The stream, moved to the most recently used end. */
  private touch(id: string): Stream | undefined {
    const stream = this.streams.get(id);
    if (!stream) return undefined;
    this.streams.delete(id);
    this.streams.set(id, stream);
    return stream;
  }

  /** Drops the idlest conversations until the total fits; the one just touched is last, so it goes only if alone. */
  private fitTotal(): void {
    while (this.total > this.limits.totalBytes && this.streams.size > 1) this.evictIdlest();
  }

  private evictIdlest(): void {
    let idlest = this.order.next();
    if (idlest.done) {
      this.order = this.streams.entries();
      idlest = this.order.next();
    }
    if (idlest.done) return;
    const [id, stream] = idlest.value;
    this.streams.delete(id);
    this.total -= stream.bytes;
  }
}
