/**
 * Intent and aspect detection over folded, abbreviation-expanded text.
 * Rules are phrase lists: easy to read, easy to extend, and testable on a table.
 */
import type { AnalyzedText } from './analyze.js';

export const ASPECTS = ['documents', 'steps', 'fee', 'time', 'where', 'online', 'post', 'conditions', 'result', 'legal'] as const;
export type Aspect = (typeof ASPECTS)[number];

export type CommandIntent = 'greeting' | 'thanks' | 'help' | 'cancel' | 'restart';

/** Folded cue phrases per aspect. A message may ask about several aspects. */
const ASPECT_CUES: Record<Aspect, string[]> = {
  documents: ['giay to', 'can gi', 'can nhung gi', 'gom nhung gi', 'gom gi', 'thanh phan', 'chuan bi gi', 'chuan bi nhung',
    'mang theo', 'mang gi', 'ho so gom', 'ho so can', 'can nhung', 'can mang', 'nop gi', 'can co gi', 'can ho so'],
  fee: ['le phi', 'phi', 'bao nhieu tien', 'het bao nhieu', 'ton bao nhieu', 'mat tien', 'tien', 'chi phi', 'mien phi', 'gia bao nhieu', 'nop tien'],
  time: ['bao lau', 'may ngay', 'bao nhieu ngay', 'thoi gian', 'thoi han', 'khi nao co', 'khi nao xong', 'bao gio co', 'bao gio xong',
    'lau khong', 'may hom', 'bao nhieu lau', 'may tuan', 'lau ko', 'xong chua', 'trong ngay'],
  where: ['o dau', 'noi nao', 'cho nao', 'co quan nao', 'den dau', 'noi nop', 'nop tai', 'dia chi', 'xa hay', 'phuong hay', 'tinh hay'],
  online: ['truc tuyen', 'qua mang', 'tren mang', 'dich vu cong', 'vneid', 'o nha', 'qua app', 'tren app', 'qua dien thoai', 'khong can den'],
  post: ['buu dien', 'buu chinh', 'chuyen phat', 'gui qua', 'gui ve'],
  steps: ['nhu the nao', 'the nao', 'lam sao', 'cac buoc', 'quy trinh', 'trinh tu', 'cach lam', 'huong dan', 'lam gi', 'ra sao', 'phai lam'],
  conditions: ['dieu kien', 'ai duoc', 'doi tuong', 'co duoc', 'duoc khong', 'co phai', 'bat buoc'],
  result: ['ket qua', 'nhan duoc gi', 'duoc cap gi', 'nhan lai gi'],
  legal: ['can cu', 'phap ly', 'luat nao', 'nghi dinh', 'thong tu', 'van ban nao', 'quy dinh tai', 'quy dinh o', 'theo luat'],
};

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
    for (const cue of COMMAND_CUES[intent].sort((a, b) => b.length - a.length)) {
      if (!contains(text.folded, cue)) continue;
      const rest = ` ${text.folded} `.replace(` ${cue} `, ' ').trim().split(/\s+/).filter((w) => w && !FILLER.has(w));
      if (rest.length === 0) return intent;
    }
  }
  return undefined;
}
