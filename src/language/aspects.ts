/**
 * What a question asks about a procedure, and the folded cue phrases that say
 * so. Cue words are about the aspect, not the procedure: the analyser keeps
 * them out of the search terms ("lệ phí" must not pull in procedures whose
 * text mentions fees).
 */
export const ASPECTS = ['documents', 'steps', 'fee', 'time', 'where', 'online', 'post', 'conditions', 'result', 'legal'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** Folded cue phrases per aspect. A message may ask about several aspects. */
export const ASPECT_CUES: Record<Aspect, string[]> = {
  documents: ['giay to', 'can gi', 'can nhung gi', 'gom nhung gi', 'gom gi', 'thanh phan', 'chuan bi gi', 'chuan bi nhung',
    'mang theo', 'mang gi', 'chuan bi', 'ho so gom', 'ho so can', 'can nhung', 'can mang', 'nop gi', 'can co gi', 'can ho so'],
  fee: ['le phi', 'mat phi', 'mat tien', 'mat bao nhieu tien', 'phi', 'bao nhieu tien', 'het bao nhieu', 'ton bao nhieu', 'mat tien', 'tien', 'chi phi', 'mien phi', 'gia bao nhieu', 'nop tien'],
  time: ['thoi gian giai quyet', 'mat bao lau', 'mat may ngay', 'mat bao nhieu ngay', 'mat bao nhieu lau', 'bao lau', 'may ngay', 'bao nhieu ngay', 'thoi gian', 'thoi han', 'khi nao co', 'khi nao xong', 'bao gio co', 'bao gio xong',
    'lau khong', 'may hom', 'bao nhieu lau', 'may tuan', 'lau ko', 'xong chua', 'trong ngay'],
  where: ['o dau', 'noi nao', 'cho nao', 'co quan nao', 'den dau', 'noi nop', 'nop tai', 'dia chi', 'xa hay', 'phuong hay', 'tinh hay'],
  online: ['truc tuyen', 'qua mang', 'tren mang', 'dich vu cong', 'vneid', 'o nha', 'qua app', 'tren app', 'qua dien thoai', 'khong can den'],
  post: ['buu dien', 'buu chinh', 'chuyen phat', 'gui qua', 'gui ve'],
  steps: ['nhu the nao', 'the nao', 'lam sao', 'cac buoc', 'quy trinh', 'trinh tu', 'cach lam', 'huong dan', 'lam gi', 'ra sao', 'phai lam'],
  conditions: ['dieu kien', 'ai duoc', 'doi tuong', 'co duoc', 'duoc khong', 'co phai', 'bat buoc'],
  result: ['ket qua', 'nhan duoc gi', 'duoc cap gi', 'nhan lai gi'],
  legal: ['can cu', 'phap ly', 'luat nao', 'nghi dinh', 'thong tu', 'van ban nao', 'quy dinh tai', 'quy dinh o', 'theo luat'],
};


/** All cue phrases as folded word lists, longest first. */
export const ASPECT_CUE_PHRASES: readonly string[][] = Object.values(ASPECT_CUES)
  .flat()
  .map((c) => c.split(' '))
  .sort((a, b) => b.length - a.length);
