/**
 * The fields of a feedback (phản ánh, kiến nghị), each validated with a clear
 * Vietnamese message. The rules for receiving feedback on administrative
 * regulations require the sender's full name, address and phone number, and a
 * short, clear summary of the content.
 */
import { fold, normalizeText } from '../language/normalize.js';

export const CONTENT_MIN_CHARS = 30;
export const CONTENT_MIN_WORDS = 6;
export const CONTENT_MAX_CHARS = 4000;

export type Checked = { ok: true; value: string } | { ok: false; problem: string };

const ok = (value: string): Checked => ({ ok: true, value });
const bad = (problem: string): Checked => ({ ok: false, problem });

export function checkContent(text: string): Checked {
  const value = normalizeText(text).trim().replace(/[ \t]+/g, ' ');
  if (!value) return bad('Nội dung phản ánh đang để trống. Bạn vui lòng mô tả sự việc trong vài câu.');
  if (value.length < CONTENT_MIN_CHARS || value.split(/\s+/).length < CONTENT_MIN_WORDS) {
    return bad('Nội dung hơi ngắn. Bạn vui lòng mô tả rõ hơn trong vài câu: việc gì, ở đâu, khi nào, mong muốn được giải quyết thế nào.');
  }
  if (value.length > CONTENT_MAX_CHARS) {
    return bad(`Nội dung dài quá ${CONTENT_MAX_CHARS} ký tự. Bạn vui lòng tóm tắt ngắn gọn hơn; giấy tờ kèm theo có thể gửi sau khi có mã phản ánh.`);
  }
  return ok(value);
}

export function checkName(text: string): Checked {
  const value = normalizeText(text).trim().replace(/\s+/g, ' ');
  const words = value.split(' ').filter(Boolean);
  if (!/^[\p{L}\s.'-]+$/u.test(value)) return bad('Họ tên chỉ gồm chữ cái. Bạn vui lòng nhập lại họ và tên đầy đủ.');
  if (words.length < 2 || value.length > 100) return bad('Bạn vui lòng nhập đầy đủ họ và tên (ví dụ: Nguyễn Văn An).');
  return ok(words.map((w) => w[0]!.toLocaleUpperCase('vi') + w.slice(1)).join(' '));
}

export function checkAddress(text: string): Checked {
  const value = normalizeText(text).trim().replace(/\s+/g, ' ');
  if (value.length < 10 || value.split(' ').length < 3) {
    return bad('Địa chỉ chưa đủ rõ. Bạn vui lòng ghi số nhà (nếu có), thôn/tổ, xã/phường, tỉnh/thành phố.');
  }
  if (value.length > 300) return bad('Địa chỉ dài quá 300 ký tự, bạn vui lòng ghi ngắn gọn hơn.');
  return ok(value);
}

/**
 * Vietnamese phone numbers: mobiles 03x, 05x, 07x, 08x, 09x (10 digits) and
 * landlines 02x (11 digits), with +84/84 instead of the leading 0; spaces,
 * dots and dashes allowed. Normalised to the 0… form.
 */
export function checkPhone(text: string): Checked {
  const compact = text.trim().replace(/[\s.()-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return bad('Số điện thoại chỉ gồm chữ số (có thể có dấu cách hoặc dấu chấm). Ví dụ: 0912 345 678.');
  const national = compact.replace(/^\+?84/, '0');
  if (/^0[35789]\d{8}$/.test(national) || /^02\d{9}$/.test(national)) return ok(national);
  return bad('Số điện thoại chưa đúng: số di động có 10 chữ số (bắt đầu bằng 03, 05, 07, 08, 09), số cố định có 11 chữ số (bắt đầu bằng 02).');
}

const SKIP = new Set(['khong', 'ko', 'k', 'khong co', 'bo qua', 'khong can', 'skip', 'no', 'khg']);

/** Optional: "không" skips it (value ""). */
export function checkEmail(text: string): Checked {
  const value = text.trim();
  if (SKIP.has(fold(value).replace(/[.!]/g, '').trim())) return ok('');
  // Length first: the pattern backtracks quadratically over dots ("a@....@"), so it only sees bounded text.
  if (value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value)) return ok(value.toLowerCase());
  return bad('Địa chỉ email chưa đúng (ví dụ: ten@gmail.com). Nếu không có email, bạn gõ "không".');
}
