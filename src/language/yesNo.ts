/** A yes or no in chat Vietnamese ("có ạ", "đồng ý", "ok", "không", "thôi"), or undefined. */
import { fold, syllables } from './normalize.js';

const YES = ['co', 'dong y', 'ok', 'oke', 'okay', 'vang', 'u', 'uh', 'duoc', 'chac chan', 'yes', 'dung', 'dung roi', 'co chu', 'gui', 'xac nhan', 'dong y gui'];
const NO = ['khong', 'ko', 'k', 'khg', 'khong dong y', 'thoi', 'no', 'khong can', 'khong muon', 'sai'];
const FILLER = new Set(['a', 'nhe', 'nha', 'ad', 'admin', 'em', 'minh', 'toi', 'roi', 'luon', 'di', 'nhe', 'vay', 'ban']);

/** Written with diacritics, these are not the yes their folded form looks like: "dừng" (stop) is not "đúng" (right). */
const STOP_WORDS = new Set(['dừng', 'dừng lại']);

export function yesNo(text: string): 'yes' | 'no' | undefined {
  const typed = syllables(text);
  if (STOP_WORDS.has(typed.filter((w) => !FILLER.has(fold(w))).join(' '))) return 'no';
  const words = typed.map(fold).filter((w) => !FILLER.has(w));
  const said = words.join(' ');
  if (NO.includes(said)) return 'no';
  if (YES.includes(said)) return 'yes';
  return undefined;
}
