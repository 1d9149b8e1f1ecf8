/**
 * Readers for the short replies a conversation waits for: the last four
 * phone digits, "gửi" to send, the field a correction names. Pure functions:
 * the turn router and the prompts both use them.
 */
import { fold } from './normalize.js';
import { yesNo } from './yesNo.js';

const FOUR_DIGITS = /^\s*(\d\s*){4}$/;

/** "1234", "12 34": the four digits, or undefined. */
export function fourDigits(text: string): string | undefined {
  return FOUR_DIGITS.test(text) ? text.replace(/\s/g, '') : undefined;
}

/** "gửi", "gửi phản ánh", "xác nhận", "có": the citizen confirms sending. */
export function isSendConfirmation(text: string): boolean {
  return yesNo(text) === 'yes' || /^(gui|gui phan anh|gui di|xac nhan|xac nhan gui)$/.test(fold(text).trim());
}

export type FeedbackField = 'content' | 'related' | 'name' | 'address' | 'phone' | 'email';

/** The field a correction names: "sửa địa chỉ" → address. */
export function fieldNamed(text: string): FeedbackField | undefined {
  const t = ` ${fold(text)} `;
  const cues: Array<[FeedbackField, string[]]> = [
    ['phone', ['so dien thoai', 'dien thoai', 'sdt', 'so dt']],
    ['address', ['dia chi']],
    ['email', ['email', 'mail']],
    ['name', ['ho ten', 'ho va ten', ' ten ']],
    ['related', ['lien quan', 'thu tuc', 'ma ho so', 'ho so']],
    ['content', ['noi dung', 'phan anh']],
  ];
  return cues.find(([, words]) => words.some((w) => t.includes(w.startsWith(' ') ? w : ` ${w} `)))?.[0];
}
