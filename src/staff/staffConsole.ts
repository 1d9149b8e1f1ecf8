/**
 * What hotline staff do, on the same domain core the dialogs use: search the
 * loaded procedures (the bundled knowledge, then the national catalogue when
 * configured), show every aspect of one with the script to read out, look a
 * caller's dossier up for a stated reason (audited), and record or look up a
 * caller's feedback through the same ComplaintService as the chat.
 */
import { randomUUID } from 'node:crypto';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { Procedure } from '../catalogue/schema.js';
import type { ComplaintService } from '../complaints/complaintService.js';
import type { ComplaintStore } from '../complaints/store.js';
import type { Complaint } from '../complaints/schema.js';
import { DossierSourceUnavailable } from '../dossiers/source.js';
import type { DossierService } from '../dossiers/dossierService.js';
import type { DossierView } from '../dossiers/view.js';
import { ASPECTS, type Aspect } from '../language/aspects.js';
import { ASPECT_LABELS } from '../messages.js';
import { aspectText, title, type TextOptions } from '../render/procedureText.js';
import type { AuditLog } from './auditLog.js';
import { checkFeedback, type FeedbackFields, type FeedbackCheck } from './feedbackFields.js';
import { spokenScript } from './script.js';

/** Why an operator may open a dossier without the caller's phone digits. */
export const LOOKUP_REASONS = {
  'caller-verified': 'Người gọi đã xác minh họ tên và ngày sinh của người nộp hồ sơ',
  'receipt-at-desk': 'Người dân có mặt tại quầy, xuất trình giấy tiếp nhận hồ sơ',
  'agency-request': 'Cơ quan giải quyết hồ sơ đề nghị kiểm tra',
} as const;
export type LookupReason = keyof typeof LOOKUP_REASONS;

export interface SearchResult {
  /** What GET /api/staff/procedures/:id takes. */
  id: string;
  /** The national code, or null for a local entry. */
  code: string | null;
  name: string;
  levels: string[];
  field: string;
  /** "knowledge": detailed guidance here; "catalogue": the national record only. */
  source: 'knowledge' | 'catalogue';
}

export interface ProcedureDetail extends SearchResult {
  title: string;
  agency: string | null;
  sections: Array<{ aspect: Aspect; label: string; text: string }>;
  script: string;
  lastVerified: string | null;
  sourceUrl: string | null;
}

export interface Operator {
  username: string;
  address: string;
}

export type StaffLookup = { kind: 'found'; view: DossierView } | { kind: 'not-found' } | { kind: 'unavailable' };

const RESULTS_PER_SOURCE = 6;

export class StaffConsole {
  constructor(
    private readonly deps: {
      catalogue: Catalogue;
      background?: Catalogue;
      dossiers: DossierService;
      complaints: ComplaintService;
      complaintStore: ComplaintStore;
      audit: AuditLog;
      textOptions: () => TextOptions;
      /** Starts forwarding at once (the outbox); retries happen anyway. */
      kickOutbox: () => void;
      clock: () => Date;
    },
  ) {}

  search(text: string): SearchResult[] {
    const query = text.trim().slice(0, 300);
    if (!query) return [];
    const from = (catalogue: Catalogue | undefined, source: SearchResult['source']) =>
      (catalogue?.search(query, { top: RESULTS_PER_SOURCE }).ranked ?? []).map((r) => summary(r.procedure, source));
    const seen = new Set<string>();
    return [...from(this.deps.catalogue, 'knowledge'), ...from(this.deps.background, 'catalogue')].filter((r) => !seen.has(r.id) && !!seen.add(r.id));
  }

  procedure(id: string): ProcedureDetail | undefined {
    const own = this.deps.catalogue.get(id);
    const p = own ?? this.deps.background?.get(id);
    if (!p) return undefined;
    const o = this.deps.textOptions();
    const sections = ASPECTS.flatMap((aspect) => {
      const text = aspectText(p, aspect, o);
      return text ? [{ aspect, label: ASPECT_LABELS[aspect], text }] : [];
    });
    return {
      ...summary(p, own ? 'knowledge' : 'catalogue'),
      title: title(p), agency: p.agency ?? null, sections, script: spokenScript(p, o),
      lastVerified: p.lastVerified ?? null, sourceUrl: p.sourceUrl ?? null,
    };
  }

  /** A dossier for a caller, without their phone digits: written to the audit log before anything is shown. */
  async lookupDossier(operator: Operator, code: string, reason: LookupReason): Promise<StaffLookup> {
    let view: DossierView | undefined;
    try {
      view = await this.deps.dossiers.current(code);
    } catch (error) {
      if (error instanceof DossierSourceUnavailable) return { kind: 'unavailable' };
      throw error;
    }
    await this.deps.audit.append({ at: this.deps.clock().toISOString(), ...operator, action: 'dossier-lookup', code, reason, found: !!view });
    return view ? { kind: 'found', view } : { kind: 'not-found' };
  }

  /** Feedback the operator took down on the phone; the caller's consent is required as in the chat. */
  async recordFeedback(operator: Operator, fields: FeedbackFields): Promise<FeedbackCheck | { kind: 'limit'; scope: string } | { kind: 'created'; complaint: Complaint }> {
    const checked = checkFeedback(fields);
    if (checked.kind !== 'ok') return checked;
    // One conversation key per call: the chat's per-conversation limit is not a limit on an operator's shift.
    const draftId = fields.draftId ?? randomUUID();
    const result = await this.deps.complaints.submit(checked.draft, { draftId, channel: 'hotline', conversationKey: `hotline:${draftId}`, reference: null });
    if (result.kind === 'limit') return result;
    if (!result.repeated) {
      await this.deps.audit.append({ at: this.deps.clock().toISOString(), ...operator, action: 'feedback-record', code: result.complaint.code, reason: 'caller-called', found: true });
    }
    this.deps.kickOutbox();
    return { kind: 'created', complaint: result.complaint };
  }

  /** A feedback's status by its tracking code, audited like a dossier lookup. */
  async feedbackStatus(operator: Operator, code: string): Promise<Complaint | undefined> {
    await this.deps.complaintStore.refresh();
    const complaint = this.deps.complaintStore.get(code);
    await this.deps.audit.append({ at: this.deps.clock().toISOString(), ...operator, action: 'feedback-lookup', code, reason: 'caller-asked', found: !!complaint });
    return complaint;
  }
}

function summary(p: Procedure, source: SearchResult['source']): SearchResult {
  return { id: p.id, code: p.code ?? null, name: p.name, levels: p.levels, field: p.field, source };
}
