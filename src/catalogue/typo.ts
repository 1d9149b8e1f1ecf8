/**
 * Typo correction of single syllables against the index vocabulary, with
 * fuse.js (bitap) doing the fuzzy matching. Buckets by first letter and
 * length (a slip changes the length by one at most) keep each lookup small;
 * results are cached because chat repeats the same slips.
 */
import Fuse from 'fuse.js';

/** fuse.js score: 0 is a perfect match, 1 matches anything. Past this a "correction" is a guess. */
export const TYPO_MAX_SCORE = 0.45;
const MAX_CANDIDATES = 6;
const CACHE_LIMIT = 10_000;

export class TypoCorrector {
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string[]>();

  constructor(vocabulary: Iterable<string>) {
    const groups = new Map<string, string[]>();
    for (const word of vocabulary) {
      if (word.length < 2 || !/^[a-z]+$/.test(word)) continue;
      for (const length of [word.length - 1, word.length, word.length + 1]) {
        const key = bucketKey(word, length);
        (groups.get(key) ?? groups.set(key, []).get(key)!).push(word);
      }
    }
    for (const [key, words] of groups) {
      this.buckets.set(key, new Fuse(words, { includeScore: true, threshold: TYPO_MAX_SCORE, ignoreLocation: true, minMatchCharLength: 1 }));
    }
  }

  /** Vocabulary words close to `word`, closest first; empty when nothing is close enough. */
  candidates(word: string): string[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const fuse = this.buckets.get(bucketKey(word, word.length));
    const found = fuse ? fuse.search(word, { limit: MAX_CANDIDATES }).map((r) => r.item) : [];
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, found);
    return found;
  }
}

/** Words that a slip of `length` letters starting like `word` could have meant. */
function bucketKey(word: string, length: number): string {
  return `${word[0]}${length}`;
}
