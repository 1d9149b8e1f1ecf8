/**
 * The procedure guide: from a procedure question (and what the conversation
 * was about) to an answer — one procedure with the aspects asked, a short
 * list to choose from, a referral to a catalogue procedure not covered here
 * (the background check), or an honest "I don't know". What a message is in the
 * first place is the turn router's job (turnRouter.ts). No botbuilder here:
 * dialogs, the staff console and the CLI all call this.
 */
import { BackgroundCheck } from '../catalogue/backgroundCheck.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { Procedure } from '../catalogue/schema.js';
import { isStale } from '../catalogue/staleness.js';
import type { VariantQuestion } from '../catalogue/variants.js';
import { detectAspects, type Aspect } from '../language/intents.js';

export interface GuideContext {
  /** The procedure the conversation is about, for follow-ups ("còn lệ phí thì sao?"). */
  procedureId?: string;
}

export type GuideAnswer =
  | { kind: 'procedure'; procedure: Procedure; aspects: Aspect[]; followUp: boolean; stale: boolean }
  /** `variants`: the candidates are variants of one procedure, asked by what tells them apart. */
  | { kind: 'choose'; candidates: Procedure[]; aspects: Aspect[]; variants?: VariantQuestion }
  /** Not covered here: the national catalogue's procedures for the question, with where they are handled. */
  | { kind: 'elsewhere'; procedures: Procedure[]; aspects: Aspect[] }
  | { kind: 'unknown'; aspects: Aspect[] };

export interface GuideOptions {
  staleAfterDays: number;
  clock: () => Date;
  /** The national catalogue behind the bundled knowledge (the background check); none by default. */
  background?: Catalogue;
}

export class ProcedureGuide {
  private readonly check: BackgroundCheck;

  constructor(
    readonly catalogue: Catalogue,
    private readonly options: GuideOptions,
  ) {
    this.check = new BackgroundCheck(catalogue, options.background);
  }

  ask(text: string, context: GuideContext = {}): GuideAnswer {
    const analyzed = this.catalogue.index.analyze(text);
    const aspects = detectAspects(analyzed);
    const { verdict, referral } = this.check.find(analyzed);
    const current = context.procedureId ? this.catalogue.get(context.procedureId) : undefined;

    if (current) {
      const mentionsCurrent =
        (verdict.kind === 'match' && verdict.procedure.id === current.id) ||
        (verdict.kind === 'ambiguous' && verdict.candidates.some((c) => c.procedure.id === current.id));
      const noNewTopic = !verdict.topical || verdict.kind === 'none';
      if ((aspects.length > 0 && noNewTopic) || mentionsCurrent) return this.answer(current, aspects, true);
    }
    if (referral.length > 0) return { kind: 'elsewhere', procedures: referral, aspects };
    switch (verdict.kind) {
      case 'match':
        return this.answer(verdict.procedure, aspects, false);
      case 'ambiguous':
        return { kind: 'choose', candidates: verdict.candidates.map((c) => c.procedure), aspects, variants: verdict.variants?.question };
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
