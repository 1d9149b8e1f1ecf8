/**
 * Replaces a person's name that follows a cue ("tôi tên", "tên tôi là",
 * "họ tên:", "em là" before a capitalised full name) with "[tên]". Works on words, one pass over the text: a word is
 * looked at a bounded number of times whatever the input.
 */
import { fold } from '../language/normalize.js';

/** Letters (with any stray combining marks), digits, or one other character; whitespace lies between tokens. */
const TOKEN = /[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu;
const LETTERS = /^[\p{L}\p{M}]/u;

/** Vietnamese full names have two to five syllables. */
const MAX_NAME_WORDS = 5;

/** Folded: who is named in "<pronoun> tên …" and "tên <pronoun> là …". */
const PRONOUNS = new Set(['toi', 'em', 'minh', 'chau', 'con', 'be']);
/** Between a cue and the name: "tôi tên là An", "họ tên: Lê Minh". */
const LEAD_INS = new Set(['là', 'la', ':', '-', '–']);

/** Function words typed with diacritics: they end a name ("Nguyễn Văn An muốn hỏi"). Lower case NFC. */
const STOP_ACCENTED = new Set([
  'là', 'ở', 'số', 'muốn', 'cần', 'hỏi', 'đang', 'có', 'và', 'thì', 'ạ', 'nhé', 'gì', 'của', 'để', 'đã', 'sẽ', 'bị', 'được',
  'không', 'với', 'tại', 'từ', 'năm', 'hiện', 'này', 'đó', 'ấy', 'làm', 'về', 'mà', 'nhưng', 'hoặc', 'nên', 'vì', 'lúc', 'rồi',
  'vậy', 'thế', 'ơi', 'dạ', 'vâng', 'bạn', 'tôi', 'tên', 'mình', 'người', 'ngày', 'tháng', 'sống', 'quê', 'đến', 'nhờ', 'giúp',
  'hãy', 'chị', 'cháu', 'trên', 'thủ', 'đây', 'nhà', 'địa', 'điện', 'sđt', 'tuổi', 'đi',
]);
/**
 * Function words typed without diacritics. Only those that cannot also be a
 * name syllable: "thi" may be Thị, "van" Văn, "dang" Đặng, "do" Đỗ, "tai" Tài,
 * "nam" Nam, "minh" Minh, "thu" Thu, "trong" Trọng, "vi" Vi, "que" Quế.
 */
const STOP_BARE = new Set([
  'la', 'o', 'sinh', 'so', 'muon', 'can', 'hoi', 'co', 'va', 'xin', 'a', 'nhe', 'nha', 'gi', 'cho', 'cua', 'de', 'da', 'se', 'bi',
  'duoc', 'khong', 'ko', 'voi', 'nay', 've', 'ma', 'nen', 'khi', 'roi', 'vay', 'oi', 'ban', 'toi', 'ten', 'nguoi', 'ngay',
  'den', 'nho', 'giup', 'hay', 'tren', 'day', 'dia', 'sdt', 'tuoi', 'di',
]);

interface Token {
  text: string;
  start: number;
  end: number;
  lower: string;
  /** Folded, for letter tokens only; "" otherwise. */
  folded: string;
}

function tokenize(text: string): Token[] {
  // Chat repeats its words: fold each distinct one once.
  const folds = new Map<string, string>();
  return Array.from(text.matchAll(TOKEN), (m) => {
    const lower = m[0].toLowerCase();
    let folded = folds.get(lower);
    if (folded === undefined) folds.set(lower, (folded = LETTERS.test(lower) ? fold(lower) : ''));
    return { text: m[0], start: m.index, end: m.index + m[0].length, lower, folded };
  });
}

/** A word typed without any mark (đ counts as one: "đang" is never Đặng) may have lost its diacritics. */
function isStop(token: Token): boolean {
  return token.folded === token.lower ? STOP_BARE.has(token.lower) : STOP_ACCENTED.has(token.lower);
}

/**
 * Where the cue starting at token i ends (the index after it), and whether it
 * names the speaker ("tôi tên") or is a form label ("họ tên"), which needs a
 * lead-in or a capital to count: "thay đổi họ tên cho con" names nobody.
 */
function cueAt(tokens: Token[], i: number): { next: number; label: boolean } | undefined {
  const w = (k: number) => tokens[k]?.folded ?? '';
  if (PRONOUNS.has(w(i)) && w(i + 1) === 'ten') return { next: i + 2, label: false };
  // "em là Trần Thị Bình": a self-introduction only when a capitalised full name follows ("em là sinh viên" is none).
  if (PRONOUNS.has(w(i)) && w(i + 1) === 'la') return capitalisedPair(tokens, i + 2) ? { next: i + 2, label: false } : undefined;
  if (w(i) === 'ten') {
    let k = i + 1;
    if (w(k) === 'cua') k++;
    if (PRONOUNS.has(w(k))) k++;
    return w(k) === 'la' ? { next: k + 1, label: false } : undefined;
  }
  if (w(i) === 'ho') {
    const k = w(i + 1) === 'va' ? i + 2 : i + 1;
    return w(k) === 'ten' ? { next: k + 1, label: true } : undefined;
  }
  return undefined;
}

const isCapitalised = (word: string) => word[0] !== word[0]!.toLowerCase();

/** Two capitalised words start at k: the surname and a given name. */
const capitalisedPair = (tokens: Token[], k: number) =>
  [tokens[k], tokens[k + 1]].every((t) => t?.folded && isCapitalised(t.text) && !isStop(t));

export function redactNames(text: string): string {
  if (!/\b(ten|la)\b/.test(fold(text))) return text;
  const tokens = tokenize(text);
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < tokens.length) {
    const cue = cueAt(tokens, i);
    if (!cue) {
      i++;
      continue;
    }
    let k = cue.next;
    let ledIn = false;
    for (let n = 0; n < 2 && tokens[k] && LEAD_INS.has(tokens[k]!.lower); n++, k++) ledIn = true;
    const first = k;
    if (cue.label && !ledIn && !(tokens[k]?.folded && isCapitalised(tokens[k]!.text))) {
      i = cue.next;
      continue;
    }
    while (k - first < MAX_NAME_WORDS && tokens[k]?.folded && !isStop(tokens[k]!)) {
      if (k > first && text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes('\n')) break;
      k++;
    }
    if (k > first) {
      out += `${text.slice(copied, tokens[first]!.start)}[tên]`;
      copied = tokens[k - 1]!.end;
    }
    i = Math.max(k, cue.next);
  }
  return copied === 0 ? text : out + text.slice(copied);
}
