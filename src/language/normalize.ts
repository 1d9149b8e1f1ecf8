/**
 * Vietnamese text primitives: Unicode normalisation, diacritic folding and
 * tokenising. Pure functions, no dependencies.
 */

/** NFC, so that "ế" typed as e + U+0302 + U+0301 equals the precomposed letter. */
export function normalizeText(text: string): string {
  return text.normalize('NFC');
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Lower case without tones or vowel marks: "Đăng ký" → "dang ky".
 * đ has no decomposition in Unicode, so it is mapped by hand.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Lower-cased NFC text, tones kept. */
export function lower(text: string): string {
  return normalizeText(text).toLowerCase();
}

/** True when the text carries at least one Vietnamese diacritic. */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits into lower-case syllables (tones kept), dropping punctuation. */
export function syllables(text: string): string[] {
  return lower(text).match(WORD) ?? [];
}
