/**
 * A phonetic key for folded Vietnamese syllables, so that spellings people
 * confuse by dialect or habit meet: tr/ch, s/x, r/gi/d, final n/ng/nh, c/t,
 * and i/y ("tạm chú" → "tạm trú", "khai sing" → "khai sinh", "đăng kí" → "đăng ký").
 */
const ONSETS: Array<[RegExp, string]> = [
  [/^tr/, 'ch'],
  [/^ngh/, 'ng'],
  [/^gh/, 'g'],
  [/^gi/, 'd'],
  [/^r/, 'd'],
  [/^s/, 'x'],
  [/^q/, 'k'],
  [/^c(?!h)/, 'k'],
];

const CODAS: Array<[RegExp, string]> = [
  [/(ng|nh)$/, 'n'],
  [/(ch|c)$/, 't'],
  [/y$/, 'i'],
];

export function phoneticKey(folded: string): string {
  if (!/^[a-z]+$/.test(folded)) return folded;
  let key = folded;
  for (const [re, to] of ONSETS) {
    if (re.test(key)) {
      key = key.replace(re, to);
      break;
    }
  }
  for (const [re, to] of CODAS) key = key.replace(re, to);
  return key;
}
