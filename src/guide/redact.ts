/**
 * Removes what identifies a person from free text before it is stored for
 * administrators or logged: phone numbers, e-mail addresses, ID and account
 * numbers (any run of 6+ digits).
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Vietnamese phone numbers, with spaces, dots or dashes: 0912 345 678, +84 912.345.678. */
const PHONE = /(?:\+?84|0)(?:[\s.-]?\d){8,10}\b/g;
const LONG_NUMBER = /\d(?:[\s.-]?\d){5,}/g;

export function redact(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[số điện thoại]').replace(LONG_NUMBER, '[số]');
}
