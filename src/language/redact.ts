/**
 * Removes what identifies a person from free text before it is stored for
 * administrators or logged: e-mail addresses, phone numbers, ID and account
 * numbers (any run of 6+ digits), and the name after "tôi tên", "họ tên"…
 *
 * Every step is linear in the text's length. Citizen text is hostile input:
 * an unbounded e-mail pattern once rescanned a run of letters from every start
 * position (30,000 × "ă" took 15 s and froze the server).
 */
import { redactNames } from './nameRedaction.js';

/** RFC 5321 limits: no start position reads more than this around an "@". */
const LOCAL_MAX = 64;
/** The local part just before an "@" (the slice it runs on is at most LOCAL_MAX long). */
const LOCAL_TAIL = /[\p{L}\p{N}._%+-]+$/u;
/** Sticky, so it runs once per "@" and from that "@" only; bounded by the domain (253) and label (63) limits. */
const DOMAIN = /[\p{L}\p{N}.-]{1,253}\.\p{L}{2,63}/uy;

/**
 * Vietnamese phone numbers, with spaces, dots or dashes: 0912 345 678, +84 912.345.678.
 * Bounded; not inside a longer number (that is an ID, caught below).
 */
const PHONE = /(?<![\d+])(?:\+?84|0)(?:[\s.-]?\d){8,10}\b/g;
/**
 * Separators and digits are disjoint, so an attempt that fails stops within six
 * digits and one that succeeds consumes what it read: linear without a bound.
 */
const LONG_NUMBER = /\d(?:[\s.-]?\d){5,}/g;

/** E-mail addresses, found from each "@" rather than from every position. */
function redactEmails(text: string): string {
  let out = '';
  let done = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at < done) continue;
    const local = LOCAL_TAIL.exec(text.slice(Math.max(done, at - LOCAL_MAX), at));
    if (!local) continue;
    DOMAIN.lastIndex = at + 1;
    if (!DOMAIN.exec(text)) continue;
    out += `${text.slice(done, at - local[0].length)}[email]`;
    done = DOMAIN.lastIndex;
  }
  return done === 0 ? text : out + text.slice(done);
}

const PLACEHOLDERS = { email: '[email]', phone: '[số điện thoại]', number: '[số]', name: '[tên]' } as const;
const PLACEHOLDER = new RegExp(Object.values(PLACEHOLDERS).map((p) => p.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

export function redact(text: string): string {
  const numbersOut = redactEmails(text.normalize('NFC')).replace(PHONE, PLACEHOLDERS.phone).replace(LONG_NUMBER, PLACEHOLDERS.number);
  return redactNames(numbersOut);
}

/**
 * The question without the citizen's name, phone number or e-mail: they say
 * nothing about the procedure, and as search words they only dilute it
 * ("tôi tên Lê Văn An, 0912 345 678, hỏi làm hộ chiếu").
 */
export function withoutPersonalData(text: string): string {
  return redact(text).replace(LABELLED, ' ').replace(PLACEHOLDER, ' ');
}

/** What introduces a personal detail ("sđt:", "tôi tên là", "họ và tên"): no more about the procedure than the detail. */
const LABEL = String.raw`(?:(?:số\s+)?(?:điện\s+thoại|đt)|sđt|sdt|e-?mail|mail|(?:(?:tôi|em|mình|cháu)\s+)?tên(?:\s+(?:tôi|em|mình|cháu))?(?:\s+là)?|họ(?:\s+và)?\s+tên(?:\s+là)?)`;
const LABELLED = new RegExp(`(?<![\\p{L}])${LABEL}\\s*[:,-]?\\s*(?=${PLACEHOLDER.source})`, 'giu');
