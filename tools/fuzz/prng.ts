/** A seeded pseudo-random source (mulberry32): the same seed replays the same requests. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Text of `length` characters drawn from Vietnamese letters, digits, punctuation, emoji and control characters. */
  text(length: number): string {
    let out = '';
    while (out.length < length) out += this.pick(ALPHABET);
    return out.slice(0, length);
  }
}

const ALPHABET = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ',
  ...'AĂÂĐÊÔƠƯ0123456789 .,;:!?@#%&*()[]{}<>/\\|"\'`~^$+-=_',
  '\n', '\t', '\u0000', '\u200b', '\ufeff', '\u202e', '😀', '🇻🇳', '\ud800', 'a\u0301',
];
