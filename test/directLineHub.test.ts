import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ConversationHub, DEFAULT_HUB_LIMITS } from '../src/channels/directline/hub.js';

const activity = (n: number, padBytes = 0): Partial<Activity> => ({ type: 'message', id: `a-${n}`, text: `tin ${n}`, ...(padBytes ? { value: 'x'.repeat(padBytes) } : {}) });
const ids = (hub: ConversationHub, conv: string, watermark?: number) => hub.since(conv, watermark).activities.map((a) => a.id);

describe('the Direct Line hub', () => {
  it('drops the oldest activities past the count, and watermarks keep counting', () => {
    const hub = new ConversationHub({ activitiesPerConversation: 5 });
    hub.create('c', 'u');
    for (let n = 0; n < 12; n++) hub.append('c', activity(n));
    expect(hub.since('c', undefined).watermark).toBe('12');
    expect(ids(hub, 'c')).toEqual(['a-7', 'a-8', 'a-9', 'a-10', 'a-11']);
    expect(ids(hub, 'c', 3)).toEqual(['a-7', 'a-8', 'a-9', 'a-10', 'a-11']);
    expect(ids(hub, 'c', 10)).toEqual(['a-10', 'a-11']);
    expect(ids(hub, 'c', 12)).toEqual([]);
  });

  it('bounds a conversation by bytes: 200 KB activities keep at most 1 MB, with correct watermarks', () => {
    const hub = new ConversationHub();
    hub.create('c', 'u');
    for (let n = 0; n < 40; n++) hub.append('c', activity(n, 200_000));
    expect(hub.bytes).toBeLessThanOrEqual(DEFAULT_HUB_LIMITS.conversationBytes);
    const { activities, watermark } = hub.since('c', undefined);
    expect(watermark).toBe('40');
    expect(activities.length).toBe(5);
    expect(ids(hub, 'c', 37)).toEqual(['a-37', 'a-38', 'a-39']);
  });

  it('bounds all conversations together, evicting the idlest first', () => {
    const hub = new ConversationHub({ totalBytes: 300_000 });
    for (const c of ['a', 'b', 'c']) {
      hub.create(c, 'u');
      hub.append(c, activity(0, 90_000));
    }
    hub.since('a', undefined); // a page still polling is not idle
    hub.create('d', 'u');
    hub.append('d', activity(0, 90_000));
    expect(hub.has('b')).toBe(false);
    expect(['a', 'c', 'd'].map((c) => hub.has(c))).toEqual([true, true, true]);
    expect(hub.bytes).toBeLessThanOrEqual(300_000);
    hub.append('c', activity(1, 90_000));
    expect(hub.has('a')).toBe(false);
    expect(hub.bytes).toBeLessThanOrEqual(300_000);
    expect(hub.append('b', activity(1))).toBe(false);
  });

  it('bounds the number of conversations in O(1) per eviction', () => {
    const hub = new ConversationHub({ conversations: 20_000 });
    const started = performance.now();
    for (let n = 0; n < 200_000; n++) hub.create(`c-${n}`, 'u');
    // Linear, this is a few hundred ms; an O(n) scan per eviction (180,000 × 20,000 steps), or rescanning the
    // Map's deleted slots from the front each time, takes several seconds.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(hub.size).toBe(20_000);
    expect(hub.has('c-179999')).toBe(false);
    expect(hub.has('c-180000')).toBe(true);
  });

  it('frees the bytes of evicted conversations', () => {
    const hub = new ConversationHub({ totalBytes: 1_000_000 });
    for (let n = 0; n < 200; n++) {
      hub.create(`c-${n}`, 'u');
      hub.append(`c-${n}`, activity(n, 50_000));
    }
    expect(hub.size).toBe(19);
    expect(hub.bytes).toBeLessThanOrEqual(1_000_000);
    expect(hub.bytes).toBeGreaterThan(19 * 50_000);
  });
});
