/**
 * `npm run complaints -- retry-dead [--data DIR]`: re-queues deliveries parked as dead.
 * `npm run complaints -- purge [--days N] [--data DIR]`: deletes answered or closed feedback older than N days
 * (default COMPLAINT_RETENTION_DAYS).
 * `npm run complaints -- status [--data DIR]`: counts by status and delivery state, and how many records were
 * acknowledged to the citizen but not yet forwarded (in all, and of those how many have no delivery queued
 * because no forwarder was configured yet); no personal data.
 * Safe with the server running: both change the file under its lock, each change applied to the data as it is
 * on disk then. The server picks re-queued jobs up at its next outbox pass, and its next write keeps a purge.
 */
import { parseConfig } from '../config.js';
import { ComplaintService, GUARD_FILE } from '../complaints/complaintService.js';
import { Outbox } from '../complaints/outbox.js';
import { ComplaintStore } from '../complaints/store.js';
import { createLogger } from '../logger.js';
import { VerificationGuard } from '../security/verificationGuard.js';
import { parseArgs, stringFlag } from './args.js';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = parseConfig(process.env);
  const dataDir = stringFlag(args, 'data') ?? config.DATA_DIR;
  const store = await ComplaintStore.open(dataDir);
  const clock = () => new Date();
  switch (args.positional[0]) {
    case 'retry-dead': {
      const outbox = new Outbox(store, [], clock, { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, createLogger('silent'));
      console.log(`Đã đưa lại ${await outbox.retryDead()} lượt gửi vào hàng đợi.`);
      return 0;
    }
    case 'purge': {
      const days = Number(stringFlag(args, 'days') ?? config.COMPLAINT_RETENTION_DAYS);
      if (!Number.isInteger(days) || days < 1) {
        console.error('--days phải là số ngày nguyên dương');
        return 2;
      }
      const service = new ComplaintService(store, await VerificationGuard.open(dataDir, GUARD_FILE, clock), [], clock);
      console.log(`Đã xóa ${await service.purge(days)} phản ánh đã kết thúc quá ${days} ngày.`);
      return 0;
    }
    case 'status': {
      const count = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
      const waiting = store.all().filter((c) => c.status === 'received');
      console.log(JSON.stringify({
        complaints: count(store.all().map((c) => c.status)),
        deliveries: count(store.jobs().map((j) => j.state)),
        acknowledgedNotForwarded: waiting.length,
        acknowledgedWithoutDelivery: waiting.filter((c) => store.jobsFor(c.code).length === 0).length,
        answersNotYetDelivered: store.jobs().filter((j) => j.kind === 'citizen' && j.state !== 'done').length,
      }, null, 2));
      return 0;
    }
    default:
      console.error('Cách dùng: npm run complaints -- retry-dead | purge [--days N] | status   [--data DIR]');
      return 2;
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
