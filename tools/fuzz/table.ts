/** The fuzz report as a plain-text table: one row per kind of request, counts per status class, median and slowest time. */
import type { FuzzReport } from './runner.js';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};

export function formatReport(report: FuzzReport, memory: { rssBefore?: number; rssPeak?: number; rssAfter?: number } = {}): string {
  const header = ['kind', 'sent', '2xx', '3xx', '4xx', '5xx', 'no answer', 'median ms', 'max ms'];
  const rows = [...report.tallies.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, t]) => [
    kind, t.sent, t.byClass['2xx'], t.byClass['3xx'], t.byClass['4xx'], t.byClass['5xx'], t.byClass['no answer'], median(t.millis), Math.max(0, ...t.millis),
  ].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const mb = (v?: number) => (v === undefined ? '?' : `${v} MB`);
  return [
    `fuzz: seed ${report.seed}, ${report.sent} requests, ${report.failures.length} failures; /healthz probed ${report.healthChecks.sent} times, slowest ${report.healthChecks.slowestMs} ms`,
    `server RSS: ${mb(memory.rssBefore)} before, ${mb(memory.rssPeak)} peak, ${mb(memory.rssAfter)} after`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
