/**
 * A dossier's status as a fact sheet: the facts, then one coherent paragraph
 * on what the status means and what to do now (an overdue dossier is told
 * it is late, not to keep waiting for the date it missed).
 */
import type { DossierView } from '../dossiers/view.js';
import type { Messages } from '../messages.js';
import type { FactSheet } from './factSheet.js';
import { vietnamDate } from '../dossiers/calendar.js';
import { vietnameseDate } from './dates.js';

const dateOf = (d: Date) => vietnameseDate(vietnamDate(d));

/** Statuses where the citizen only waits: lateness replaces "wait for the date". */
const WAITING = new Set([1, 2, 4]);

/** What the citizen should do now. */
export function nextStep(v: DossierView, m: Messages): string {
  const d = m.dossier;
  const note = v.statusNote ? ` ${d.agencyNote(v.statusNote)}` : '';
  if (v.workingDaysLate !== null && WAITING.has(v.status)) return `${d.overdue(v.workingDaysLate)}${note}`;
  switch (v.status) {
    case 1: return `${d.next.submitted}${note}`;
    case 2: return `${d.next.accepted}${note}`;
    case 3: return `${d.next.refused}${note || ` ${d.askWhy}`} ${d.next.resubmit}`;
    case 4: return `${d.next.processing}${note}`;
    case 5: {
      const docs = v.missingDocuments.length > 0 ? `\n${v.missingDocuments.map((x, i) => `${i + 1}. ${x}`).join('\n')}` : ` ${d.next.supplementUnlisted}`;
      return `${d.next.supplement}${docs}\n${d.next.supplementWhere(v.agency)}${note}`;
    }
    case 6: return `${d.next.pay(v.agency)}${note}`;
    case 7: return `${d.next.withdrawn}${note}`;
    case 8: return `${d.next.stopped}${note || ` ${d.askWhy}`}`;
    case 9: return `${v.byPost ? d.next.readyByPost : d.next.readyAt(v.agency, v.resultDelivery)}${note}`;
    case 10: return `${d.next.returned(v.byPost)}${note}`;
  }
}

export function dossierSheet(v: DossierView, m: Messages): FactSheet {
  const l = m.dossier.labels;
  const facts: Array<[string, string]> = [
    [l.procedure, v.procedureName],
    [l.applicant, v.maskedName],
    [l.agency, v.agency],
    [l.received, dateOf(v.receivedAt)],
    ...(v.dueAt ? [[l.due, dateOf(v.dueAt)] as [string, string]] : []),
    [l.status, v.workingDaysLate !== null && WAITING.has(v.status) ? `${v.statusLabel} — ${l.late(v.workingDaysLate)}` : v.statusLabel],
  ];
  return { title: m.dossier.title(v.code), facts, outro: [nextStep(v, m)] };
}
