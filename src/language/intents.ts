/**
 * Intent and aspect detection over folded, abbreviation-expanded text.
 * Rules are phrase lists: easy to read, easy to extend, and testable on a table.
 */
import type { AnalyzedText } from './analyze.js';
import { ASPECTS, ASPECT_CUES, type Aspect } from './aspects.js';

export { ASPECTS, type Aspect } from './aspects.js';

export type CommandIntent = 'greeting' | 'thanks' | 'help' | 'cancel' | 'restart';

/**
 * Aspects that only count when no sharper one is present: "được không" in
 * "nộp online được không" is about online filing, not conditions.
 */
const WEAK_ASPECTS: ReadonlySet<Aspect> = new Set(['conditions', 'steps']);

const COMMAND_CUES: Record<CommandIntent, string[]> = {
  restart: ['bat dau lai', 'lam lai tu dau', 'restart', 'reset', 'bat dau'],
  cancel: ['huy', 'huy bo', 'thoi', 'dung', 'dung lai', 'cancel', 'thoat', 'khong can nua', 'bo qua', 'stop', 'quit'],
  help: ['giup', 'giup do', 'tro giup', 'huong dan', 'help', 'menu', 'lam duoc gi', 'ho tro'],
  thanks: ['cam on', 'cam on nhieu', 'thanks', 'thank', 'thank you', 'tks', 'thanks you'],
  greeting: ['xin chao', 'chao', 'hello', 'hi', 'alo', 'hey', 'chao buoi sang', 'chao buoi chieu'],
};

/**
 * Folded cues that are other words with other diacritics ("dung": "dừng" is
 * stop, "đúng" is right; "thoi": "thôi", "thời"). When the citizen typed
 * diacritics, only these spellings count.
 */
const ACCENTED_CUES: Record<string, string[]> = {
  dung: ['dừng'], 'dung lai': ['dừng lại'], thoi: ['thôi'], huy: ['hủy', 'huỷ'], 'huy bo': ['hủy bỏ', 'huỷ bỏ'], thoat: ['thoát'],
};
/** Without diacritics, "dung roi" is "đúng rồi" (that's right), never a stop. */
const AFFIRMATIONS = ['dung roi', 'dung vay', 'dung the', 'dung day', 'dung nhu vay', 'dung a'];

function cueMatches(text: AnalyzedText, cue: string): boolean {
  if (!contains(text.folded, cue)) return false;
  const spellings = ACCENTED_CUES[cue];
  if (spellings && text.accented) return spellings.some((s) => contains(text.written, s));
  return !(cue === 'dung' && AFFIRMATIONS.some((a) => contains(text.folded, a)));
}

/** Politeness and filler that may surround a command ("cảm ơn bạn nhiều nhé"). */
const FILLER = new Set(['ban', 'nhe', 'a', 'nha', 'nhieu', 'ad', 'admin', 'em', 'anh', 'chi', 'oi', 'minh', 'toi', 'nhe', 'vay',
  'nhe', 'ha', 'nhe', 'ok', 'oke', 'vang', 'da', 'roi', 'thi', 'lam', 'on', 'xin', 'cho', 'moi', 'nguoi', 'cai', 'nay', 'di']);

const contains = (haystack: string, phrase: string) => ` ${haystack} `.includes(` ${phrase} `);

/** Every aspect the message asks about, sharpest first. */
export function detectAspects(text: AnalyzedText): Aspect[] {
  const found = ASPECTS.filter((a) => ASPECT_CUES[a].some((cue) => contains(text.folded, cue)));
  const sharp = found.filter((a) => !WEAK_ASPECTS.has(a));
  return sharp.length > 0 ? sharp : found;
}

/**
 * A command only when the message is the command and nothing else:
 * "giúp" is help, "giúp em làm khai sinh" is a question.
 */
export function detectCommand(text: AnalyzedText): CommandIntent | undefined {
  for (const intent of Object.keys(COMMAND_CUES) as CommandIntent[]) {
    for (const cue of [...COMMAND_CUES[intent]].sort((a, b) => b.length - a.length)) {
      if (!cueMatches(text, cue)) continue;
      const rest = ` ${text.folded} `.replace(` ${cue} `, ' ').trim().split(/\s+/).filter((w) => w && !FILLER.has(w));
      if (rest.length === 0) return intent;
    }
  }
  return undefined;
}

const DOSSIER_CUES = ['tra cuu ho so', 'ho so cua toi', 'ho so cua em', 'ho so cua minh', 'tinh trang ho so', 'kiem tra ho so',
  'ho so den dau', 'ho so xong chua', 'ho so da xong', 'xem ho so', 'trang thai ho so', 'tien do ho so', 'ho so toi nop',
  'ho so em nop', 'ho so minh nop', 'ho so da nop', 'tra ho so'];
const SUBSCRIBE_CUES = ['bao cho toi khi', 'bao toi khi', 'bao cho em khi', 'bao cho minh khi', 'bao khi co ket qua',
  'thong bao khi co', 'nhan thong bao', 'theo doi ho so'];

/** "tra cứu hồ sơ", "hồ sơ của tôi xong chưa": the citizen asks where a submitted dossier stands. */
export function asksDossierStatus(text: AnalyzedText): boolean {
  return DOSSIER_CUES.some((cue) => contains(text.folded, cue));
}

/** "Báo cho tôi khi có kết quả": notify this conversation when the dossier changes. */
export function asksToSubscribe(text: AnalyzedText): boolean {
  return SUBSCRIBE_CUES.some((cue) => contains(text.folded, cue));
}

const FEEDBACK_CUES = ['phan anh', 'gop y', 'kien nghi', 'lam kho', 'gay kho de', 'nhung nhieu', 'tre hen', 'cham tra ket qua',
  'khong ai bao', 'bat bo sung', 'doi them giay to', 'doi giay to khong', 'thai do', 'tieu cuc'];
const FORMAL_CUES: Record<'khieu-nai' | 'to-cao', string[]> = {
  'khieu-nai': ['khieu nai'],
  'to-cao': ['to cao'],
};

/**
 * Feedback on a procedure or how officers carry it out. A formal complaint
 * against a decision (khiếu nại) or a denunciation (tố cáo) follows other laws:
 * it is reported separately so the citizen can be told where to file it.
 */
export function asksToGiveFeedback(text: AnalyzedText): { formal?: 'khieu-nai' | 'to-cao' } | undefined {
  for (const formal of ['to-cao', 'khieu-nai'] as const) {
    if (FORMAL_CUES[formal].some((cue) => contains(text.folded, cue))) return { formal };
  }
  return FEEDBACK_CUES.some((cue) => contains(text.folded, cue)) ? {} : undefined;
}
