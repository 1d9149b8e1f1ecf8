/**
 * The facts of a procedure as they stand on the day of the answer: the fee in
 * force, post (submit and receive), channel notes, and a notice where a
 * catalogue record names a body abolished in 2025.
 */
import { acceptsPost, type Channel, type Procedure } from '../catalogue/schema.js';
import { feeOn } from '../catalogue/fees.js';
import { outdatedMention } from '../catalogue/reforms.js';
import { CHANNEL_LABELS, FACT_LABELS, ONLINE_LEVELS } from '../messages.js';
import { vietnameseDate } from './dates.js';
import type { TextOptions } from './procedureText.js';

/**
 * One value when every channel has it; otherwise one line per distinct
 * value, naming the channels that share it ("Trực tiếp, Qua bưu điện: …").
 */
export function perChannel(channels: Channel[], pick: (c: Channel) => string | null | undefined): string | undefined {
  const groups = new Map<string, string[]>();
  for (const c of channels) {
    const value = pick(c);
    if (value) groups.set(value, [...(groups.get(value) ?? []), CHANNEL_LABELS[c.channel]]);
  }
  if (groups.size === 0) return undefined;
  const [first] = groups;
  if (groups.size === 1 && first![1].length === channels.length) return first![0];
  return [...groups].map(([value, labels]) => `${labels.join(', ')}: ${value.replace(/[.;]\s*$/, '')}`).join('; ');
}

/** The fee of one channel on the day of the answer, in words. */
export function feeText(p: Procedure, c: Channel, o: TextOptions): string | undefined {
  if (!c.fee) return undefined;
  const fee = feeOn(c.fee, o.today, p.code ? o.province.fees.get(p.code) : undefined);
  if (!fee) return undefined;
  if (fee.kind === 'ended') return o.messages.feeEnded(vietnameseDate(fee.since));
  const local = fee.provincial && fee.source ? `${fee.value} ${o.messages.feeSetBy(fee.source)}` : fee.value;
  const value = fee.general ? `${local}. ${o.messages.feeGeneral(fee.general)}` : local;
  return fee.until ? `${value} ${o.messages.feeUntil(vietnameseDate(fee.until))}` : value;
}

export function postText(p: Procedure, o: TextOptions): string {
  const receive = p.resultByPost === null ? o.messages.post.receiveUnknown : p.resultByPost ? o.messages.post.receiveYes : o.messages.post.receiveNo;
  return `${acceptsPost(p) ? o.messages.post.submitYes : o.messages.post.submitNo} ${receive}`;
}

export function summaryFacts(p: Procedure, o: TextOptions): Array<[string, string]> {
  const facts: Array<[string, string | undefined]> = [
    [FACT_LABELS.agency, p.agency],
    [FACT_LABELS.where, p.where],
    [FACT_LABELS.reform, reformNotice(p, o)],
    [FACT_LABELS.time, perChannel(p.channels, (c) => c.time)],
    [FACT_LABELS.fee, perChannel(p.channels, (c) => feeText(p, c, o))],
    [FACT_LABELS.online, ONLINE_LEVELS[p.online.level]],
    [FACT_LABELS.post, postText(p, o)],
  ];
  return facts.filter((f): f is [string, string] => !!f[1]);
}

/**
 * A catalogue record may still send citizens to a body the 2025 reforms
 * abolished ("UBND huyện"): say which body is in charge now, and why.
 * Our own entries are kept current instead (kb audit).
 */
export function reformNotice(p: Procedure, o: TextOptions): string | undefined {
  if (p.origin.kind !== 'catalogue' || !o.reforms) return undefined;
  const mention = [p.agency, p.where].filter((t): t is string => !!t).map((t) => outdatedMention(t, o.reforms!.bodies)).find(Boolean);
  return mention ? o.messages.reformNotice(mention.term, mention.replacement.now, mention.replacement.basis) : undefined;
}

/** Channel notes, one line each, for the aspect the note is about. */
export function notes(p: Procedure, kinds: ReadonlyArray<Channel['channel']>): string | undefined {
  const lines = p.channels.filter((c) => c.note && kinds.includes(c.channel)).map((c) => `${CHANNEL_LABELS[c.channel]}: ${c.note}`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}
