import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtp } from './smtp.js';
import { tempDir } from './helpers.js';
import { freePort } from './peers.js';
import { healthy, say as sayIn, spawnServer, type ServerProcess } from './serverProcess.js';
import { waitFor } from './zaloPeers.js';

const children: ServerProcess[] = [];
afterAll(() => Promise.all(children.map((c) => c.kill())));

describe('a crash right after the confirmation', () => {
  it('loses nothing: the record is on disk and is delivered after a restart, once', { timeout: 90_000 }, async () => {
    const { dir, cleanup } = await tempDir();
    const [port, smtpPort] = [await freePort(), await freePort()];
    const env = {
      PORT: String(port), DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, CONTROL_OFFICE_EMAIL: 'kiemsoat@example.gov.vn',
      COMPLAINT_RETRY_BASE_SECONDS: '0.05', COMPLAINT_RETRY_MAX_SECONDS: '0.2', OUTBOX_INTERVAL_SECONDS: '0.2',
    };
    const base = `http://127.0.0.1:${port}`;
    const say = (text: string) => sayIn(base, 'crash-1', text);

    const first = spawnServer(env);
    children.push(first);
    await healthy(base);
    for (const text of ['tôi muốn phản ánh', 'Cán bộ một cửa yêu cầu nộp thêm giấy tờ không có trong quy định của thủ tục đăng ký khai sinh.',
      'không', 'có', 'Nguyễn Văn An', 'Số 12 ngõ 5, phường Mẫu, tỉnh Thử', '0912345678', 'không']) {
      await say(text);
    }
    const reply = await say('gửi');
    await first.kill(); // SIGKILL, the moment the citizen has been told "received"
    const code = /PAKN-\d{6}-\d{4}/.exec(reply)?.[0];
    expect(code).toBeDefined();

    const onDisk = JSON.parse(await readFile(path.join(dir, 'complaints.json'), 'utf8')) as { complaints: Record<string, unknown>; jobs: Record<string, { state: string }> };
    expect(onDisk.complaints[code!]).toMatchObject({ name: 'Nguyễn Văn An', status: 'received' });
    expect(Object.values(onDisk.jobs).map((j) => j.state)).toEqual(['pending']);

    const smtp = await startSmtp(smtpPort);
    const second = spawnServer(env);
    children.push(second);
    await waitFor(async () => (smtp.mails.length > 0 ? true : undefined), 30_000);
    // Nothing is left to send once the job is done: a duplicate could only come before that.
    await waitFor(async () => (((await (await fetch(`${base}/healthz`)).json()) as { outbox: { pending: number } }).outbox.pending === 0 ? true : undefined), 30_000);
    const mails = smtp.mails;
    expect(mails).toHaveLength(1);
    expect(mails[0]!.raw).toContain(code!);
    await second.kill();
    await smtp.close();
    await cleanup();
  });
});
