/**
 * The verdict rule, one input flipped per row: from a base case that is a
 * clear match, each row changes one thing and states the verdict it must give.
 */
import { describe, expect, it } from 'vitest';
import type { Concept, Query } from '../src/catalogue/query.js';
import type { Procedure } from '../src/catalogue/schema.js';
import { DEFAULT_RULE, coverage, decide, type CoverageSource, type Ranked } from '../src/catalogue/verdict.js';

const procedure = (id: string, name: string): Procedure => ({ id, name, alternates: [] }) as unknown as Procedure;
const concept = (folded: string, idf = 1, known = true, weight = 1): Concept => ({ folded, idf, known, weight, terms: [`u:${folded}`] });

interface Case {
  concepts: Concept[];
  best: Partial<Ranked>;
  rival?: Partial<Ranked> & { name?: string };
  /** Terms each doc holds in what it is about, and only in its body text. */
  focus: Array<string[]>;
  body?: Array<string[]>;
}

const base: Case = {
  concepts: [concept('khai'), concept('sinh')],
  best: { score: 10, fit: 1 },
  rival: { score: 5, fit: 0.5, name: 'Đăng ký khai tử' },
  focus: [['u:khai', 'u:sinh'], ['u:khai']],
};

function verdict(c: Case) {
  const withHead = (r: Ranked): Ranked => ({ ...r, headFit: Math.max(r.headFit ?? 0, r.fit) });
  const ranked: Ranked[] = [withHead({ procedure: procedure('1', 'Đăng ký khai sinh'), doc: 0, score: 10, fit: 1, ...c.best } as Ranked)];
  if (c.rival) ranked.push(withHead({ procedure: procedure('2', c.rival.name ?? 'Đăng ký khai tử'), doc: 1, score: 5, fit: 0.5, ...c.rival } as Ranked));
  const source: CoverageSource = {
    inFocus: (term, doc) => c.focus[doc]?.includes(term) ?? false,
    weightIn: (term, doc) => (c.focus[doc]?.includes(term) || c.body?.[doc]?.includes(term) ? 1 : 0),
  };
  const query = { concepts: c.concepts } as Query;
  return { kind: decide(ranked, query, source, DEFAULT_RULE).kind, coverage: coverage(query, 0, source, DEFAULT_RULE) };
}

describe('decide', () => {
  it.each<[string, Partial<Case>, 'match' | 'ambiguous' | 'none']>([
    ['the base case: every word in the name, far ahead', {}, 'match'],
    ['no runner-up at all', { rival: undefined }, 'match'],
    ['a runner-up scoring close, its name as well asked', { rival: { score: 9, fit: 0.95 } }, 'ambiguous'],
    ['a runner-up scoring close, but the best named in full and the runner-up much less', { rival: { score: 9, fit: 0.6 } }, 'match'],
    ['a runner-up scoring close that is the same procedure at another level', { rival: { score: 9.5, fit: 1, name: 'Đăng ký khai sinh (cấp tỉnh)' } }, 'match'],
    ['half the name asked: offered, not asserted', { best: { fit: 0.6 } }, 'ambiguous'],
    ['almost nothing of the name asked', { best: { fit: 0.2 } }, 'none'],
    ['little of a long name asked, but all of its head ("Cấp Phiếu lý lịch tư pháp" of "… cho công dân …")', { best: { fit: 0.2, headFit: 1 } }, 'ambiguous'],
    ['a rare word of the question missing from the best', { concepts: [concept('khai'), concept('sinh'), concept('nuoi', 4)] }, 'none'],
    ['the same word missing, but only told in the story before the question', { concepts: [concept('khai'), concept('sinh'), concept('nuoi', 4, true, 0.5)] }, 'ambiguous'],
    ['a common word missing: still covered enough to offer', { concepts: [concept('khai', 2), concept('sinh', 2), concept('con', 2)] }, 'ambiguous'],
    ['the same word unknown to every procedure (the citizen\'s story)', { concepts: [concept('khai'), concept('sinh'), concept('xau', 3, false)] }, 'match'],
    ['a word found only in the body text counts half', { concepts: [concept('khai'), concept('sinh'), concept('to', 4)], body: [['u:to'], []] }, 'ambiguous'],
    ['the same word found nowhere in the best', { concepts: [concept('khai'), concept('sinh'), concept('to', 4)] }, 'none'],
    ['no content word at all ("còn lệ phí thì sao?")', { concepts: [] }, 'none'],
  ])('%s → %s', (_label, change, expected) => {
    expect(verdict({ ...base, ...change }).kind).toBe(expected);
  });

  it('weighs a word no procedure uses at unknownCredit of a known one', () => {
    const known = verdict({ ...base, concepts: [concept('khai'), concept('xau', 2, true)] }).coverage;
    const unknown = verdict({ ...base, concepts: [concept('khai'), concept('xau', 2, false)] }).coverage;
    expect(known).toBeCloseTo(1 / 3);
    expect(unknown).toBeCloseTo(1 / (1 + 2 * DEFAULT_RULE.unknownCredit));
  });
});

describe('decide, when the leaders are variants of one procedure', () => {
  const ranked = (id: string, name: string, score: number, fit = 0.6): Ranked => ({ procedure: procedure(id, name), doc: Number(id), score, fit, headFit: fit });
  const source: CoverageSource = { inFocus: () => true, weightIn: () => 1 };
  const query = { concepts: [concept('khai'), concept('sinh')] } as Query;

  it('offers the family, lower-ranked members included, then what else scored close', () => {
    const v = decide(
      [
        ranked('1', 'Đăng ký khai sinh', 10),
        ranked('2', 'Đăng ký khai sinh có yếu tố nước ngoài', 9),
        ranked('3', 'Đăng ký khai tử', 8),
        ranked('4', 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân', 3),
      ],
      query,
      source,
    );
    expect(v.kind).toBe('ambiguous');
    if (v.kind !== 'ambiguous') return;
    expect(v.candidates.map((c) => c.procedure.id)).toEqual(['1', '2', '4', '3']);
    expect(v.variants?.question).toEqual({ shared: 'head', common: 'Đăng ký khai sinh', labels: ['', 'Có yếu tố nước ngoài', 'Cho người đã có hồ sơ, giấy tờ cá nhân'] });
  });

  it('lists the leaders by name when the runner-up is another procedure', () => {
    const v = decide([ranked('1', 'Đăng ký khai sinh', 10), ranked('3', 'Đăng ký khai tử', 9), ranked('2', 'Đăng ký khai sinh có yếu tố nước ngoài', 8)], query, source);
    expect(v.kind).toBe('ambiguous');
    expect(v.kind === 'ambiguous' ? v.variants : 'not ambiguous').toBeUndefined();
  });
});
