/**
 * Knowledge administration: `npm run kb -- validate | stats | audit | unanswered` (see the usage line).
 */
import { loadSources } from '../catalogue/sources.js';
import { AggregateKnowledgeError, KnowledgeError } from '../catalogue/knowledgeLoader.js';
import { knowledgeStats, formatStats } from '../catalogue/stats.js';
import { UnansweredLog } from '../guide/unanswered.js';
import { auditProcedures, formatAudit } from '../catalogue/audit.js';
import { loadReforms } from '../catalogue/reforms.js';

const DEFAULT_PATH = 'knowledge';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const paths = rest.filter((a, i) => !a.startsWith('--') && !rest[i - 1]?.startsWith('--'));
  const sources = paths.length > 0 ? paths : [DEFAULT_PATH];
  switch (command) {
    case 'validate': {
      const procedures = await loadSources(sources);
      console.log(`OK: ${procedures.length} thủ tục hợp lệ (${sources.join(', ')})`);
      return 0;
    }
    case 'stats': {
      const procedures = await loadSources(sources);
      const maxAgeDays = Number(flag(rest, '--max-age-days') ?? 365);
      console.log(formatStats(knowledgeStats(procedures, { now: new Date(), maxAgeDays })));
      return 0;
    }
    case 'audit': {
      const procedures = await loadSources(sources);
      const findings = auditProcedures(procedures, loadReforms(), new Date());
      console.log(formatAudit(findings, rest.includes('--all') ? 'all' : 'errors'));
      return findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    case 'unanswered': {
      const log = await UnansweredLog.open(flag(rest, '--data') ?? 'data');
      const entries = log.list();
      for (const e of entries) console.log(`${e.at}\t${e.channel}\t${e.text}`);
      console.error(`${entries.length} câu hỏi chưa trả lời được`);
      return 0;
    }
    default:
      console.error('Cách dùng: npm run kb -- validate [PATH...] | stats [PATH...] [--max-age-days N] | audit [PATH...] [--all] | unanswered [--data DIR]');
      return 2;
  }
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof KnowledgeError || error instanceof AggregateKnowledgeError) {
      console.error(`Lỗi dữ liệu thủ tục:\n${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
