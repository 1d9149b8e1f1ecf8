/** Limits every channel applies to what a citizen sends, so no channel is a wider door than another. */

/** Longest message text taken from any channel (Direct Line's own cap; Zalo's is lower). */
export const MAX_MESSAGE_TEXT = 4_000;

/** Largest serialised `value` or `channelData` of an incoming activity (button payloads are a few hundred bytes). */
export const MAX_PAYLOAD_BYTES = 4_096;
