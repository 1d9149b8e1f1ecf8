/**
 * Picks one of a numbered list from a reply: "2", "số 2", "cái thứ hai",
 * or words of the option's name ("kết hôn có yếu tố nước ngoài").
 */
import { fold, syllables } from './normalize.js';

const ORDINALS = new Map([
  ['mot', 1], ['nhat', 1], ['hai', 2], ['nhi', 2], ['ba', 3], ['bon', 4], ['tu', 4], ['nam', 5], ['sau', 6],
  ['bay', 7], ['tam', 8], ['chin', 9],
]);
const NUMBER_FILLER = new Set(['so', 'thu', 'cai', 'muc', 'chon', 'lua', 'y', 'phuong', 'an', 'a', 'nhe', 'nha', 'la']);

/**
 * The 0-based index a reply picks by number alone ("2", "số 2", "thứ hai",
 * "2. Đăng ký kết hôn" as a numbered button sends it), or undefined.
 */
export function pickNumber(reply: string, count: number): number | undefined {
  const inRange = (n: number) => (n >= 1 && n <= count ? n - 1 : undefined);
  const leading = /^\s*(\d+)\s*[.)]\s+\S/.exec(reply);
  if (leading) return inRange(Number(leading[1]));
  const rest = syllables(reply).map(fold).filter((w) => !NUMBER_FILLER.has(w));
  if (rest.length !== 1) return undefined;
  const n = /^\d+$/.test(rest[0]!) ? Number(rest[0]) : ORDINALS.get(rest[0]!);
  return n === undefined ? undefined : inRange(n);
}

/** The 0-based index of the chosen option, by number or by name, or undefined when the reply is not a choice. */
export function pickChoice(reply: string, options: readonly string[]): number | undefined {
  const byNumber = pickNumber(reply, options.length);
  if (byNumber !== undefined) return byNumber;
  const words = syllables(reply).map(fold);
  if (words.length === 0) return undefined;
  const reply_ = words.join(' ');
  const folded = options.map((o) => syllables(o).map(fold).join(' '));
  const exact = folded.indexOf(reply_);
  if (exact >= 0) return exact;
  // A reply that is part of exactly one option's name picks it.
  if (words.length >= 2) {
    const containing = folded.flatMap((o, i) => (` ${o} `.includes(` ${reply_} `) ? [i] : []));
    if (containing.length === 1) return containing[0];
  }
  return undefined;
}
