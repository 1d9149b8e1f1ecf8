import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = 'node_modules/.bin/tsx';

async function cli(script: string, args: string[], input?: string) {
  const child = run(TSX, [script, ...args], { env: { ...process.env, KNOWLEDGE_PATH: 'knowledge' } });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  return child;
}

describe('search CLI', () => {
  it('prints one JSON object a line and nothing else', async () => {
    const { stdout } = await cli('src/cli/search.ts', ['--json', '--top', '3'], 'làm giấy khai sinh cần gì\n\nthời tiết ngày mai\n');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((l) => JSON.parse(l) as { query: string; verdict: string; results: Array<{ code: string; name: string; score: number }>; ms: number });
    expect(first!.query).toBe('làm giấy khai sinh cần gì');
    expect(first!.results).toHaveLength(3);
    expect(first!.results[0]!.code).toBe('1.001193');
    expect(first!.results[0]!.score).toBeGreaterThanOrEqual(first!.results[1]!.score);
    expect(first!.ms).toBeTypeOf('number');
    expect(second!.verdict).not.toBe('match');
  });
});

describe('eval CLI', () => {
  it('scores a question file with breakdowns by style and aspect', async () => {
    const { stdout } = await cli('src/cli/eval.ts', ['--questions', 'test/fixtures/questions.tsv']);
    expect(stdout).toMatch(/\| all +\| +3 \| 0\.667 \| 0\.667 \| 0\.667 \|/);
    expect(stdout).toMatch(/style:nodiacritics +\| +1 \| 1\.000/);
    expect(stdout).toMatch(/aspect:documents/);
  });
});

describe('kb CLI', () => {
  it('audit exits 0 on a clean entry and 1 on an entry with errors, naming the finding', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-audit-'));
    const model = await readFile('knowledge/1.001193-dang-ky-khai-sinh.yaml', 'utf8');
    await writeFile(`${dir}/1.001193-dang-ky-khai-sinh.yaml`, model);
    const clean = await cli('src/cli/kb.ts', ['audit', dir]);
    expect(clean.stdout).toContain('Tổng hợp (0 phát hiện)');
    await writeFile(`${dir}/1.001193-dang-ky-khai-sinh.yaml`, model.replace(/^(\s*)time: .*$/gm, '$1time: null'));
    const failed = await cli('src/cli/kb.ts', ['audit', dir]).then(() => undefined, (e: { code: number; stdout: string }) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/LỖI +1\.001193 +no-time/);
    await rm(dir, { recursive: true, force: true });
  });

  it('validates the bundled knowledge', async () => {
    const { stdout } = await cli('src/cli/kb.ts', ['validate']);
    expect(stdout).toMatch(/^OK: 65 thủ tục hợp lệ/);
  });

  it('fails with the file and field of a bad entry', async () => {
    const error = (await cli('src/cli/kb.ts', ['validate', 'test/fixtures/catalogue/missing.yaml']).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/missing\.yaml/);
  });
});

describe('dossiers CLI', () => {
  it('imports records into the embedded store and lists them', async () => {
    const { tempDir } = await import('./helpers.js');
    const { dir, cleanup } = await tempDir();
    const { stdout } = await cli('src/cli/dossiers.ts', ['import', 'test/fixtures/dossiers.json', '--data', dir]);
    expect(stdout).toMatch(/Đã nhập 1 hồ sơ/);
    const list = await cli('src/cli/dossiers.ts', ['list', '--data', dir]);
    expect(list.stdout.trim().split('\n')).toContain('000.00.15.H57-241120-0007');
    const error = (await cli('src/cli/dossiers.ts', ['import', 'package.json', '--data', dir]).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/không hợp lệ, không nhập gì/);
    await cleanup();
  });
});

describe('complaints CLI', () => {
  it('re-queues dead deliveries and reports counts without personal data', async () => {
    const { tempDir } = await import('./helpers.js');
    const { ComplaintStore } = await import('../src/complaints/store.js');
    const { dir, cleanup } = await tempDir();
    const store = await ComplaintStore.open(dir);
    await store.create(
      { code: 'PAKN-261124-0001', draftId: 'd', channel: 'test', conversationKey: 'k', reference: {}, content: 'c', related: '', name: 'Nguyễn Văn An', address: 'a', phone: '0912345678', email: '', createdAt: '2026-11-24T00:00:00Z', updatedAt: '2026-11-24T00:00:00Z', status: 'received', answer: null },
      [{ id: 'PAKN-261124-0001:email', code: 'PAKN-261124-0001', kind: 'email', state: 'dead', attempts: 8, nextAttemptAt: '2026-11-24T00:00:00Z', lastError: 'refused' }],
    );
    const status = await cli('src/cli/complaints.ts', ['status', '--data', dir]);
    expect(JSON.parse(status.stdout)).toEqual({ complaints: { received: 1 }, deliveries: { dead: 1 }, acknowledgedNotForwarded: 1, acknowledgedWithoutDelivery: 0, answersNotYetDelivered: 0 });
    expect(status.stdout).not.toContain('Nguyễn');
    expect((await cli('src/cli/complaints.ts', ['retry-dead', '--data', dir])).stdout).toMatch(/Đã đưa lại 1 lượt gửi/);
    await store.reload();
    expect(store.jobs().map((j) => [j.state, j.attempts])).toEqual([['pending', 0]]);
    await cleanup();
  });
});
