/**
 * Scoring a question set: a `none` verdict is a miss, and "offered" counts the
 * right procedure when it is the answer or one of the choices shown.
 */
import { describe, expect, it } from 'vitest';
import { Catalogue } from '../src/catalogue/catalogue.js';
import { evaluate, formatReport, parseQuestions } from '../src/catalogue/evaluation.js';

const tsv = [
  'id\tquestion\tcodes\tstyle',
  'a\tthủ tục đăng ký khai sinh cho con\t1.001193\tformal',
  'b\tcon tôi mới sinh, cho hỏi làm giấy khai sinh thế nào\t1.001193\tcasual',
  'c\txin giấy phép bay flycam ở đâu\t1.001193\tcasual',
].join('\n');

describe('evaluate', () => {
  it('scores what the citizen gets: a refusal is a miss, an answer or a choice that holds the right one is offered', async () => {
    const catalogue = await Catalogue.load(['knowledge']);
    const report = evaluate(catalogue, parseQuestions(tsv));
    const [a, b, c] = report.outcomes;
    expect(a).toMatchObject({ rank: 1, verdict: 'match', offered: true });
    expect(b!.offered).toBe(true);
    expect(c!.verdict).toBe('none');
    expect(c!.offered).toBe(false);
    expect(report.overall.answered).toBeCloseTo(2 / 3);
    expect(report.overall.offered).toBeCloseTo(2 / 3);
    expect(report.byStyle.get('casual')!.n).toBe(2);

    const table = formatReport(report, { file: 'q.tsv', sources: ['knowledge'], misses: false });
    expect(table).toMatch(/\| all +\| +3 \| 0\.667 \|.*\| 0\.667 \|$/m);
  });

  it('refuses a file without the question and codes columns', () => {
    expect(() => parseQuestions('id\ttext\n1\tkhai sinh')).toThrow(/question/);
  });
});
