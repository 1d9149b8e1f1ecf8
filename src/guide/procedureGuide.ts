/**
 * The procedure guide: from a citizen's words (and what the conversation was
 * about) to an answer — one procedure with the aspects asked, a short list to
 * choose from, a command, or an honest "I don't know". No botbuilder here:
 * dialogs, the staff console and the CLI all call this.
 */
import type { Catalogue } from '../catalogue/catalogue.js';
import type { Procedure } from '../catalogue/schema.js';
import { isStale } from '../catalogue/staleness.js';
import { asksDossierStatus, asksToGiveFeedback, asksToSubscribe, detectAspects, detectCommand, type Aspect, type CommandIntent } from '../language/intents.js';
import { parseComplaintCode } from '../complaints/complaintService.js';
import { parseDossierCode, type CodeProblem } from '../dossiers/dossierCode.js';

export interface GuideContext {
  /** The procedure the conversation is about, for follow-ups ("còn lệ phí thì sao?"). */
  procedureId?: string;
}

export type GuideAnswer =
  | { kind: 'command'; command: CommandIntent }
  /** A dossier status question: with the code found in the message, or what is wrong with it. */
  | { kind: 'dossier'; code?: string; problem?: CodeProblem }
  | { kind: 'subscribe' }
  /** Feedback (phản ánh, kiến nghị); `formal` when it reads as khiếu nại or tố cáo. */
  | { kind: 'feedback'; formal?: 'khieu-nai' | 'to-cao' }
  /** "Kiểm tra phản ánh PAKN-…". */
  | { kind: 'feedback-status'; code: string }
  | { kind: 'procedure'; procedure: Procedure; aspects: Aspect[]; followUp: boolean; stale: boolean }
  | { kind: 'choose'; candidates: Procedure[]; aspects: Aspect[] }
  | { kind: 'unknown'; aspects: Aspect[] };

export interface GuideOptions {
  staleAfterDays: number;
  clock: () => Date;
}

export class ProcedureGuide {
  constructor(
    readonly catalogue: Catalogue,
    private readonly options: GuideOptions,
  ) {}

  /** "hủy", "giúp", "bắt đầu lại"…: a command, when the message is nothing else. */
  command(text: string): CommandIntent | undefined {
    return detectCommand(this.catalogue.index.analyze(text));
  }

  ask(text: string, context: GuideContext = {}): GuideAnswer {
    const analyzed = this.catalogue.index.analyze(text);
    const command = detectCommand(analyzed);
    if (command) return { kind: 'command', command };
    if (asksToSubscribe(analyzed)) return { kind: 'subscribe' };
    const feedbackCode = parseComplaintCode(text);
    if (feedbackCode) return { kind: 'feedback-status', code: feedbackCode };
    const code = parseDossierCode(text);
    if (code.kind === 'code') return { kind: 'dossier', code: code.code };
    if (code.kind === 'invalid') return { kind: 'dossier', problem: code.problem };
    const feedback = asksToGiveFeedback(analyzed);
    if (feedback) return { kind: 'feedback', ...feedback };
    if (asksDossierStatus(analyzed)) return { kind: 'dossier' };
    const aspects = detectAspects(analyzed);
    const verdict = this.catalogue.index.searchAnalyzed(analyzed);
    const current = context.procedureId ? this.catalogue.get(context.procedureId) : undefined;

    if (current) {
      const mentionsCurrent =
        (verdict.kind === 'match' && verdict.procedure.id === current.id) ||
        (verdict.kind === 'ambiguous' && verdict.candidates.some((c) => c.procedure.id === current.id));
      const noNewTopic = !verdict.topical || verdict.kind === 'none';
      if ((aspects.length > 0 && noNewTopic) || mentionsCurrent) return this.answer(current, aspects, true);
    }
    switch (verdict.kind) {
      case 'match':
        return this.answer(verdict.procedure, aspects, false);
      case 'ambiguous':
        return { kind: 'choose', candidates: verdict.candidates.map((c) => c.procedure), aspects };
      case 'none':
        return { kind: 'unknown', aspects };
    }
  }

  /** The answer for a known procedure (after a choice, or a button naming it). */
  answer(procedure: Procedure, aspects: Aspect[], followUp: boolean): GuideAnswer {
    const stale = isStale(procedure, this.options.clock(), this.options.staleAfterDays);
    return { kind: 'procedure', procedure, aspects, followUp, stale };
  }

  get(id: string): Procedure | undefined {
    return this.catalogue.get(id);
  }
}
