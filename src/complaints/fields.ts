/**
 * The fields of a feedback (phản ánh, kiến nghị), each validated; a refusal
 * names the problem and messages.ts words it. The rules for receiving feedback on administrative
 * regulations require the sender's full name, address and phone number, and a
 * short, clear summary of the content.
 */
import { fold, normalizeText } from '../language/normalize.js';

export const CONTENT_MIN_CHARS = 30;
export const CONTENT_MIN_WORDS = 6;
export const CONTENT_MAX_CHARS = 4000;

/** What is wrong with a field; messages.ts says it to the citizen. */
export type FieldProblem =
  | 'content-empty' | 'content-short' | 'content-long' | 'name-letters' | 'name-full'
  | 'address-vague' | 'address-long' | 'phone-digits' | 'phone-format' | 'email-format';

export type Checked = { ok: true; value: string } | { ok: false; problem: FieldProblem };

const ok = (value: string): Checked => ({ ok: true, value });
const bad = (problem: FieldProblem): Checked => ({ ok: false, problem });

export function checkContent(text: string): Checked {
  const value = normalizeText(text).trim().replace(/[ \t]+/g, ' ');
  if (!value) return bad('content-empty');
  if (value.length < CONTENT_MIN_CHARS || value.split(/\s+/).length < CONTENT_MIN_WORDS) {
    return bad('content-short');
  }
  if (value.length > CONTENT_MAX_CHARS) {
    return bad('content-long');
  }
  return ok(value);
}

export function checkName(text: string): Checked {
  const value = normalizeText(text).trim().replace(/\s+/g, ' ');
  const words = value.split(' ').filter(Boolean);
  if (!/^[\p{L}\s.'-]+$/u.test(value)) return bad('name-letters');
  if (words.length < 2 || value.length > 100) return bad('name-full');
  return ok(words.map((w) => w[0]!.toLocaleUpperCase('vi') + w.slice(1)).join(' '));
}

export function checkAddress(text: string): Checked {
  const value = normalizeText(text).trim().replace(/\s+/g, ' ');
  if (value.length < 10 || value.split(' ').length < 3) {
    return bad('address-vague');
  }
  if (value.length > 300) return bad('address-long');
  return ok(value);
}

/**
 * Vietnamese phone numbers: mobiles 03x, 05x, 07x, 08x, 09x (10 digits) and
 * landlines 02x (11 digits), with +84/84 instead of the leading 0; spaces,
 * dots and dashes allowed. Normalised to the 0… form.
 */
export function checkPhone(text: string): Checked {
  const compact = text.trim().replace(/[\s.()-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return bad('phone-digits');
  const national = compact.replace(/^\+?84/, '0');
  if (/^0[35789]\d{8}$/.test(national) || /^02\d{9}$/.test(national)) return ok(national);
  return bad('phone-format');
}

const SKIP = new Set(['khong', 'ko', 'k', 'khong co', 'bo qua', 'khong can', 'skip', 'no', 'khg']);

/** Optional: "không" skips it (value ""). */
export function checkEmail(text: string): Checked {
  const value = text.trim();
  if (SKIP.has(fold(value).replace(/[.!]/g, '').trim())) return ok('');
  // Length first: the pattern backtracks quadratically over dots ("a@....@"), so it only sees bounded text.
  if (value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value)) return ok(value.toLowerCase());
  return bad('email-format');
}
