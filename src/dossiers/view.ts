/**
 * What a verified citizen may see of a dossier: the facts, the computed
 * lateness, and the name masked ("Nguyễn V** A*").
 */
import type { WorkingCalendar } from './calendar.js';
import { CLOSED_STATUSES, type Dossier, type DossierStatus } from './schema.js';
import { DOSSIER_STATUS_LABELS } from '../messages.js';

export interface DossierView {
  code: string;
  procedureName: string;
  agency: string;
  receivedAt: Date;
  dueAt: Date | null;
  status: DossierStatus;
  statusLabel: string;
  statusNote: string | null;
  missingDocuments: string[];
  resultDelivery: string | null;
  byPost: boolean;
  maskedName: string;
  /** Working days past the appointment date, when the dossier is still open and late. */
  workingDaysLate: number | null;
}

/** First word (the family name) in full, then each word's first letter and stars. */
export function maskName(name: string): string {
  const words = name.normalize('NFC').trim().split(/\s+/);
  return words.map((w, i) => (i === 0 ? w : `${[...w][0] ?? ''}${'*'.repeat(Math.max([...w].length - 1, 1))}`)).join(' ');
}

export function dossierView(d: Dossier, now: Date, calendar: WorkingCalendar): DossierView {
  const dueAt = d.dueAt ? new Date(d.dueAt) : null;
  const open = !CLOSED_STATUSES.has(d.status);
  const late = open && dueAt !== null && now > dueAt ? Math.max(1, calendar.workingDaysBetween(dueAt, now)) : null;
  return {
    code: d.code,
    procedureName: d.procedureName,
    agency: d.agency,
    receivedAt: new Date(d.receivedAt),
    dueAt,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status],
    statusNote: d.statusNote ?? null,
    missingDocuments: d.missingDocuments,
    resultDelivery: d.resultDelivery ?? null,
    byPost: /bưu/i.test(d.resultDelivery ?? ''),
    maskedName: maskName(d.applicantName),
    workingDaysLate: late,
  };
}
