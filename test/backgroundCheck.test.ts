/**
 * The background check: the rule as a table (one input flipped per row), then
 * a conversation with a small national catalogue behind the bundled knowledge.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { referral } from '../src/catalogue/backgroundCheck.js';
import { Catalogue } from '../src/catalogue/catalogue.js';
import type { Procedure } from '../src/catalogue/schema.js';
import { loadSources } from '../src/catalogue/sources.js';
import type { Ranked, SearchVerdict } from '../src/catalogue/verdict.js';
import { testApp } from './helpers.js';
import { conversation } from './transcripts.js';

const p = (id: string): Procedure => ({ id, name: id, alternates: [] }) as unknown as Procedure;
const ranked = (id: string, score: number, headFit = 1): Ranked => ({ procedure: p(id), doc: 0, score, fit: headFit, headFit });

/** The catalogue's clear match for an uncovered procedure; the knowledge has nothing. */
const base = {
  local: { kind: 'none', coverage: 0.2, ranked: [ranked('local-a', 5)], topical: true } as SearchVerdict,
  behind: { kind: 'match', procedure: p('far-x'), score: 20, coverage: 0.9, ranked: [ranked('far-x', 20), ranked('far-y', 8)], topical: true } as SearchVerdict,
};
const covered = new Set(['local-a', 'local-b']);

describe('referral', () => {
  it.each<[string, Partial<typeof base>, string[]]>([
    ['the catalogue knows it, the knowledge does not: refer', {}, ['far-x']],
    ['the catalogue finds nothing', { behind: { ...base.behind, kind: 'none' } as SearchVerdict }, []],
    ['the catalogue\'s match is covered here', { behind: { ...base.behind, procedure: p('local-b'), ranked: [ranked('local-b', 20)] } as SearchVerdict }, []],
    ['the knowledge has a confident match of its own', { local: { ...base.local, kind: 'match', procedure: p('local-a'), score: 5 } as SearchVerdict }, []],
    [
      'the catalogue unsure of the variant, the leader well covered and named: refer to the variants',
      { behind: { kind: 'ambiguous', candidates: [ranked('far-x', 20), ranked('far-y', 18)], coverage: 0.9, ranked: [ranked('far-x', 20), ranked('far-y', 18)], topical: true } },
      ['far-x', 'far-y'],
    ],
    [
      'the catalogue unsure and its leader barely named: no referral',
      { behind: { kind: 'ambiguous', candidates: [ranked('far-x', 20, 0.4)], coverage: 0.9, ranked: [ranked('far-x', 20, 0.4)], topical: true } },
      [],
    ],
    [
      'the catalogue unsure and its leader covering little of the question: no referral',
      { behind: { kind: 'ambiguous', candidates: [ranked('far-x', 20)], coverage: 0.5, ranked: [ranked('far-x', 20)], topical: true } },
      [],
    ],
    [
      'the knowledge offers a choice whose leader the catalogue also ranks as a contender',
      { local: { kind: 'ambiguous', candidates: [ranked('local-a', 5)], coverage: 0.6, ranked: [ranked('local-a', 5)], topical: true }, behind: { ...base.behind, ranked: [ranked('far-x', 20), ranked('local-a', 15)] } as SearchVerdict },
      [],
    ],
    [
      'the knowledge offers a choice the catalogue ranks far behind: refer',
      { local: { kind: 'ambiguous', candidates: [ranked('local-a', 5)], coverage: 0.6, ranked: [ranked('local-a', 5)], topical: true }, behind: { ...base.behind, ranked: [ranked('far-x', 20), ranked('local-a', 4)] } as SearchVerdict },
      ['far-x'],
    ],
  ])('%s', (_label, change, expected) => {
    const { local, behind } = { ...base, ...change };
    expect(referral(local, behind, (q) => covered.has(q.id)).map((q) => q.id)).toEqual(expected);
  });
});

describe('a conversation with the national catalogue behind the knowledge', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(() => cleanup?.());

  async function chatWithBackground() {
    const background = Catalogue.fromProcedures(await loadSources(['test/fixtures/catalogue/mini.jsonl']));
    const made = await testApp({}, { background });
    cleanup = made.cleanup;
    return { app: made.app, chat: conversation(made.app) };
  }

  it('names the uncovered procedure, its code, who handles it and its portal page, and logs the gap', async () => {
    const { app, chat } = await chatWithBackground();
    const turn = await chat.say('xin giấy phép khai thác thủy sản ở đâu');
    expect(turn.text).toMatch(/chưa có hướng dẫn chi tiết/);
    expect(turn.text).toContain('Thủ tục cấp giấy phép khai thác thủy sản (mã 2.002338)');
    expect(turn.text).toContain('Nơi giải quyết: cơ quan cấp tỉnh');
    expect(turn.text).toContain('https://dichvucong.gov.vn/p/2');
    expect(turn.text).toContain('1900 1234');
    expect(turn.buttons.map((b) => b.title)).toEqual(['Gửi phản ánh, kiến nghị']);
    expect(app.unanswered.list().at(-1)?.text).toContain('khai thác thủy sản');
  });

  it('answers from the knowledge what it covers', async () => {
    const { chat } = await chatWithBackground();
    const turn = await chat.say('đăng ký kết hôn cần giấy tờ gì');
    expect(turn.text).toContain('Giấy tờ cần chuẩn bị — Đăng ký kết hôn');
    expect(turn.text).not.toMatch(/chưa có hướng dẫn chi tiết/);
  });
});
