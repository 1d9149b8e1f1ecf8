/**
 * `kb audit`: what in the loaded procedures would give a citizen a wrong,
 * empty or unreadable answer. A finding is an error in a `knowledge/` entry
 * (ours: CI keeps them clean) and a warning in a catalogue record (what the
 * national database says; the assistant must cope with it).
 */
import type { Procedure, Verification } from './schema.js';
import { outdatedMention, type ReformMap } from './reforms.js';

export type FindingKind =
  | 'no-time' | 'time-without-unit' | 'no-fee' | 'fee-without-amount' | 'fee-expiring'
  | 'outdated-body' | 'outdated-document' | 'replaced-law' | 'no-documents' | 'long-documents'
  | 'channel-without-time' | 'no-where' | 'no-online' | 'no-post-receive' | 'unverified' | 'law-expiring';

export interface Finding {
  id: string;
  kind: FindingKind;
  severity: 'error' | 'warning';
  detail: string;
}

const TIME_UNIT = /(ngày|giờ|tuần|tháng|năm|phút|ngay khi|trong ngày|ngay sau)/i;
/** What the catalogue import writes for a bare number (catalogueTime). */
const UNIT_UNKNOWN = /không ghi rõ ngày làm việc/;
const AMOUNT = /\d[\d.,]*\s*(đồng|đ\b|usd|%)/i;
const FREE = /^(miễn phí|không thu( phí| lệ phí)?|miễn lệ phí)\.?$/i;
const WITHOUT_AMOUNT = /(theo (thông tư|mức|quy định|thông báo|nghị quyết)|không ghi mức|cổng dịch vụ công ghi|nếu có)/i;
const UNTIL = /đến (?:hết )?(?:ngày )?(\d{1,2})\/(\d{1,2})\/(\d{4})/gi;
const MAX_DOCUMENTS = 20;
const MAX_DOCUMENT_CHARS = 3_500;
const EXPIRY_WARNING_DAYS = 60;

/** The aspect of an entry a finding is about (what a `verification` record says was checked). */
export const FINDING_ASPECT: Record<FindingKind, Verification['checked'][number] | null> = {
  'no-time': 'time', 'time-without-unit': 'time', 'channel-without-time': 'time',
  'no-fee': 'fee', 'fee-without-amount': 'fee', 'fee-expiring': 'fee',
  'outdated-body': 'where', 'no-where': 'where', 'no-online': 'online', 'no-post-receive': 'post',
  'outdated-document': 'documents', 'no-documents': 'documents', 'long-documents': 'documents',
  'replaced-law': 'legal', 'law-expiring': 'legal', unverified: null,
};

/** A finding on an aspect the entry records as verified: the check or the record is wrong. */
export function contradictsVerification(p: Procedure, f: Finding): boolean {
  const aspect = FINDING_ASPECT[f.kind];
  return aspect !== null && p.verification.some((v) => v.checked.includes(aspect));
}

/** Every finding for every procedure, in a stable order. */
export function auditProcedures(procedures: readonly Procedure[], reforms: ReformMap, now: Date): Finding[] {
  return procedures.flatMap((p) => auditOne(p, reforms, now));
}

function auditOne(p: Procedure, reforms: ReformMap, now: Date): Finding[] {
  const severity = p.origin.kind === 'knowledge' ? 'error' : 'warning';
  const out: Finding[] = [];
  const add = (kind: FindingKind, detail: string, as: Finding['severity'] = severity) => out.push({ id: p.id, kind, severity: as, detail });

  const times = p.channels.map((c) => c.time).filter((t): t is string => !!t);
  if (times.length === 0) add('no-time', 'không có thời gian giải quyết');
  else if (severity === 'error') for (const c of p.channels) if (!c.time) add('channel-without-time', `kênh ${c.channel} không có thời gian giải quyết`);
  for (const t of new Set(times)) if (!TIME_UNIT.test(t) || UNIT_UNKNOWN.test(t)) add('time-without-unit', `thời gian "${t.slice(0, 60)}" không có đơn vị`);

  const fees = p.channels.flatMap((c) => c.fee ?? []);
  if (fees.length === 0) add('no-fee', 'không có phí, lệ phí');
  const seen = new Set<string>();
  for (const fee of fees) {
    if (seen.has(fee.value)) continue;
    seen.add(fee.value);
    const text = fee.value;
    const stated = fee.setBy === 'province' || AMOUNT.test(text) || FREE.test(text.trim());
    if (!stated || WITHOUT_AMOUNT.test(text) && !AMOUNT.test(text)) add('fee-without-amount', `phí "${text.slice(0, 80)}" không nêu số tiền`);
    for (const [, d, m, y] of fee.until ? [] : text.matchAll(UNTIL)) expiring(`${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`, 'cần giá trị theo ngày');
  }
  for (const c of p.channels) {
    const last = (c.fee ?? []).map((v) => v.until).filter(Boolean).sort().pop();
    if (last && !(c.fee ?? []).some((v) => !v.until || v.until > last)) expiring(last, 'chưa có mức áp dụng sau ngày đó');
  }

  function expiring(until: string, what: string): void {
    const daysLeft = Math.floor((Date.parse(`${until}T00:00:00Z`) - now.getTime()) / 86_400_000);
    if (daysLeft <= EXPIRY_WARNING_DAYS) add('fee-expiring', `mức phí có hạn đến ${until} (${daysLeft < 0 ? 'đã hết' : `còn ${daysLeft} ngày`}): ${what}`);
  }

  if (severity === 'error') {
    if (!p.where) add('no-where', 'không nêu nơi nộp hồ sơ');
    if (!p.origin.declared.includes('online')) add('no-online', 'không nêu mức độ nộp trực tuyến');
    if (p.resultByPost === null) add('no-post-receive', 'không nêu có nhận kết quả qua bưu điện không (resultByPost)');
    if (p.verification.length === 0) add('unverified', 'không ghi đã kiểm tra với nguồn nào (verification)');
  }

  const texts = [p.agency, p.where, p.conditions, p.result, ...p.steps, ...p.channels.flatMap((c) => [...(c.fee ?? []).map((f) => f.value), c.note, c.time])].filter((t): t is string => !!t);
  const body = texts.map((t) => outdatedMention(t, reforms.bodies)).find(Boolean);
  if (body) add('outdated-body', `nhắc "${body.term}" → nay: ${body.replacement.now}`);
  const documents = p.documentGroups.flatMap((g) => g.documents);
  const docTexts = [...texts, ...documents.map((d) => `${d.name} ${d.copies ?? ''} ${d.form ?? ''}`)];
  const document = docTexts.map((t) => outdatedMention(t, reforms.documents)).find(Boolean);
  if (document) add('outdated-document', `nhắc "${document.term}" → nay: ${document.replacement.now}`);

  for (const basis of p.legalBasis) {
    const ending = reforms.expiring.find((e) => `${basis.number ?? ''} ${basis.title}`.includes(e.number));
    if (ending && Date.parse(`${ending.until}T00:00:00Z`) - now.getTime() <= EXPIRY_WARNING_DAYS * 86_400_000) {
      // A warning even for our entries: until the successor is issued there is nothing to fix, only to watch.
      add('law-expiring', `căn cứ ${ending.number} chỉ áp dụng đến hết ${ending.until} (${ending.note}): kiểm tra văn bản thay thế`, 'warning');
    }
    const replaced = reforms.laws.find((l) => `${basis.number ?? ''} ${basis.title}`.includes(l.old));
    if (replaced) add('replaced-law', `căn cứ ${replaced.old} đã được thay thế: ${replaced.new}`);
  }

  if (documents.length === 0) add('no-documents', 'không có thành phần hồ sơ');
  const chars = documents.reduce((n, d) => n + d.name.length + (d.copies?.length ?? 0) + (d.form?.length ?? 0), 0);
  if (documents.length > MAX_DOCUMENTS || chars > MAX_DOCUMENT_CHARS) add('long-documents', `${documents.length} giấy tờ, ${chars} ký tự: quá dài để đọc trên điện thoại`);
  return out;
}

/** Counts by kind and severity, then (for knowledge entries, or all with `details`) one line per finding. */
export function formatAudit(findings: readonly Finding[], details: 'errors' | 'all'): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(`${f.severity}\t${f.kind}`, (counts.get(`${f.severity}\t${f.kind}`) ?? 0) + 1);
  const summary = [...counts.entries()].sort().map(([key, n]) => `  ${String(n).padStart(5)}  ${key.replace('\t', '  ')}`);
  const listed = findings.filter((f) => details === 'all' || f.severity === 'error').map((f) => `${f.severity === 'error' ? 'LỖI' : 'cảnh báo'}  ${f.id}  ${f.kind}: ${f.detail}`);
  return [...listed, '', `Tổng hợp (${findings.length} phát hiện):`, ...summary].join('\n');
}
