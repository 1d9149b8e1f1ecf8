/**
 * Name fit: how much of a procedure's name (or best alias) the question asks
 * for, each name word weighted by its rarity among the names as spelt. The
 * head fit reads only the name's head, before its qualifiers: "Cấp Phiếu lý
 * lịch tư pháp" in "… cho công dân Việt Nam, người nước ngoài đang cư trú tại
 * Việt Nam" — a citizen names the head and seldom the qualifiers.
 */
import type { Token } from '../language/analyze.js';
import type { Procedure } from './schema.js';

/** Common words ("làm", "con") count this much of their rarity in a name. */
const WEAK_NAME_WORD = 0.3;

/** Words that introduce whom, where or how a procedure is for. */
const QUALIFIER_WORDS = 'cho|đối với|của|tại|theo|trong|thuộc|khi|do|ở|từ|qua|vào|thực hiện';
/** Where a name's qualifiers begin: a bracket or comma, or a qualifier word. */
const QUALIFIER = new RegExp(String.raw`\s*[(,;:–]|\s-\s|\s(?:${QUALIFIER_WORDS})\s`, 'iu');
/**
 * The same, strictly: a bracket or a qualifier word (and "có yếu tố"), not a
 * comma, which in a name more often lists ("nhận cha, mẹ, con").
 */
export const QUALIFIER_WORD = new RegExp(String.raw`\s*\(|\s(?:${QUALIFIER_WORDS}|có yếu tố)\s`, 'iu');

interface NameWord {
  folded: string;
  /**
   * How much the word says, as spelt: "đóng" (close) is rare among names even
   * though its folded form "dong" is everywhere ("đồng", "động"); weak words
   * count WEAK_NAME_WORD of it.
   */
  weight: number;
}

/** The name before its first qualifier, or undefined when it has none (or the head is a single word). */
export function nameHead(name: string): string | undefined {
  const m = QUALIFIER.exec(name);
  return m && m.index > 0 ? name.slice(0, m.index) : undefined;
}

export class NameFit {
  private constructor(
    /** Per procedure: the content words of its name and of each alias. */
    private readonly names: NameWord[][][],
    /** Per procedure: the content words of its name's head, when shorter than the name. */
    private readonly heads: Array<NameWord[] | undefined>,
  ) {}

  /** `words` turns a text into its content tokens, as the index reads them. */
  static build(procedures: readonly Procedure[], words: (text: string) => Token[]): NameFit {
    const written = procedures.map((p) =>
      [p.name, p.officialName, ...p.aliases].filter((t): t is string => !!t).map(words).filter((t) => t.length > 0),
    );
    const heads = procedures.map((p, i) => {
      const head = nameHead(p.name);
      const tokens = head ? words(head) : [];
      return tokens.length >= 2 && tokens.length < (written[i]![0]?.length ?? 0) ? tokens : undefined;
    });
    const df = new Map<string, number>();
    for (const names of written) for (const word of new Set(names.flat().map((t) => t.text))) df.set(word, (df.get(word) ?? 0) + 1);
    const n = Math.max(procedures.length, 1);
    const weigh = (t: Token): NameWord => {
      const d = df.get(t.text) ?? 1;
      return { folded: t.folded, weight: Math.log(1 + (n - d + 0.5) / (d + 0.5)) * (t.weak ? WEAK_NAME_WORD : 1) };
    };
    return new NameFit(
      written.map((names) => names.map((name) => name.map(weigh))),
      heads.map((head) => head?.map(weigh)),
    );
  }

  /** The best share, over the name and aliases, of name words the question mentions. */
  fit(doc: number, asked: ReadonlySet<string>): number {
    let best = 0;
    for (const name of this.names[doc] ?? []) best = Math.max(best, share(name, asked));
    return best;
  }

  /** The share of the name's head the question mentions; at least `fit`, the full name's (the same when it has no qualifiers). */
  headFit(doc: number, asked: ReadonlySet<string>, fit: number): number {
    const head = this.heads[doc];
    return head ? Math.max(share(head, asked), fit) : fit;
  }
}

function share(name: readonly NameWord[], asked: ReadonlySet<string>): number {
  let total = 0;
  let hit = 0;
  for (const word of name) {
    total += word.weight;
    if (asked.has(word.folded)) hit += word.weight;
  }
  return total > 0 ? hit / total : 0;
}
