/**
 * Knowledge statistics for administrators: counts by field and level, and
 * what is missing (no time, no fee, no documents, not verified for too long).
 */
import type { Procedure } from './schema.js';
import { isStale } from './staleness.js';

export interface KnowledgeStats {
  total: number;
  byOrigin: Record<string, number>;
  byField: Record<string, number>;
  byLevel: Record<string, number>;
  missing: { time: string[]; fee: string[]; documents: string[]; summary: string[]; unverified: string[]; stale: string[] };
}

export function knowledgeStats(procedures: Procedure[], opts: { now: Date; maxAgeDays: number }): KnowledgeStats {
  const count = (into: Record<string, number>, key: string) => {
    into[key] = (into[key] ?? 0) + 1;
  };
  const stats: KnowledgeStats = {
    total: procedures.length,
    byOrigin: {},
    byField: {},
    byLevel: {},
    missing: { time: [], fee: [], documents: [], summary: [], unverified: [], stale: [] },
  };
  for (const p of procedures) {
    count(stats.byOrigin, p.origin.kind);
    count(stats.byField, p.field);
    p.levels.forEach((l) => count(stats.byLevel, l));
    if (!p.channels.some((c) => c.time)) stats.missing.time.push(p.id);
    if (!p.channels.some((c) => c.fee)) stats.missing.fee.push(p.id);
    if (p.documentGroups.length === 0) stats.missing.documents.push(p.id);
    if (!p.summary) stats.missing.summary.push(p.id);
    if (!p.lastVerified) stats.missing.unverified.push(p.id);
    else if (isStale(p, opts.now, opts.maxAgeDays)) stats.missing.stale.push(p.id);
  }
  return stats;
}

export function formatStats(s: KnowledgeStats): string {
  const table = (title: string, rows: Record<string, number>) =>
    [`${title}:`, ...Object.entries(rows).sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${String(v).padStart(5)}  ${k}`)].join('\n');
  const list = (title: string, ids: string[]) =>
    `${title}: ${ids.length}${ids.length > 0 && ids.length <= 20 ? ` (${ids.join(', ')})` : ''}`;
  return [
    `Tổng số thủ tục: ${s.total}`,
    table('Theo nguồn', s.byOrigin),
    table('Theo cấp thực hiện', s.byLevel),
    table('Theo lĩnh vực', s.byField),
    'Còn thiếu:',
    '  ' + list('không có thời gian giải quyết', s.missing.time),
    '  ' + list('không có phí/lệ phí', s.missing.fee),
    '  ' + list('không có thành phần hồ sơ', s.missing.documents),
    '  ' + list('không có tóm tắt', s.missing.summary),
    '  ' + list('chưa ghi ngày kiểm tra', s.missing.unverified),
    '  ' + list('kiểm tra đã quá hạn', s.missing.stale),
  ].join('\n');
}
