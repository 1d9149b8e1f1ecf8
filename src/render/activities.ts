/**
 * Answers as Bot Framework activities, per channel capability: hero cards
 * with buttons where the channel shows them, plain text with numbered
 * choices where it does not (Zalo, SMS). A numbered reply maps back to the
 * same text the button would have sent (the "menu").
 */
import { ActionTypes, CardFactory, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { Procedure } from '../catalogue/schema.js';
import type { VariantQuestion } from '../catalogue/variants.js';
import type { DossierView } from '../dossiers/view.js';
import { dossierSheet } from './dossierText.js';
import { referralText } from './referralText.js';
import { factCard, markdownSheet, plainSheet, type FactSheet } from './factSheet.js';
import type { GuideAnswer } from '../guide/procedureGuide.js';
import { ASPECT_LABELS, EXAMPLE_QUESTIONS, DETAIL_ASPECTS, SUMMARY_FACT_ASPECTS, type Messages } from '../messages.js';
import { aspectMessages, detailAspects, summaryFacts, summaryText, title, type TextFormat, type TextOptions } from './procedureText.js';
import { vietnameseDate } from './dates.js';
import { NO_PROVINCE, type ProvinceProfile } from '../catalogue/provinceProfile.js';
import { loadReforms, type ReformMap } from '../catalogue/reforms.js';
import { vietnamDate } from '../dossiers/calendar.js';

/**
 * 'adaptive': Adaptive Cards and buttons (Web Chat, Teams, the Emulator);
 * 'cards': hero cards, buttons and Markdown text (Facebook, Telegram…);
 * 'plain': text only, choices numbered (Zalo, SMS, email).
 */
export type ChannelProfile = 'adaptive' | 'cards' | 'plain';

const PLAIN_CHANNELS = new Set(['zalo', 'sms', 'email']);
const ADAPTIVE_CHANNELS = new Set(['webchat', 'directline', 'msteams', 'emulator', 'test']);

export function channelProfile(channelId: string | undefined): ChannelProfile {
  const id = (channelId ?? '').toLowerCase();
  return PLAIN_CHANNELS.has(id) ? 'plain' : ADAPTIVE_CHANNELS.has(id) ? 'adaptive' : 'cards';
}

/** A fact sheet as text for a channel (proactive messages, where no card is sent). */
export function sheetText(sheet: FactSheet, profile: ChannelProfile): string {
  return profile === 'plain' ? plainSheet(sheet) : markdownSheet(sheet);
}

export interface Rendered {
  activities: Array<Partial<Activity>>;
  /** What "1", "2"… mean in the next reply. */
  menu: string[];
}

type ProcedureAnswer = Extract<GuideAnswer, { kind: 'procedure' }>;

export class Renderer {
  constructor(
    readonly messages: Messages,
    private readonly clock: () => Date = () => new Date(),
    private readonly province: ProvinceProfile = NO_PROVINCE,
    private readonly reforms: ReformMap = loadReforms(),
  ) {}

  /** Text options for an answer given now: dated fees resolve to today's Vietnamese date. */
  textOptions(profile: ChannelProfile): TextOptions {
    return { format: this.format(profile), messages: this.messages, today: vietnamDate(this.clock()), province: this.province, reforms: this.reforms };
  }

  private format(profile: ChannelProfile): TextFormat {
    return profile === 'plain' ? 'plain' : 'markdown';
  }

  text(text: string): Rendered {
    return { activities: [MessageFactory.text(text)], menu: [] };
  }

  welcome(profile: ChannelProfile): Rendered {
    return this.withMenu(`${this.messages.welcome}\n\n${this.messages.examplesIntro}`, EXAMPLE_QUESTIONS, profile);
  }

  help(profile: ChannelProfile): Rendered {
    return this.withMenu(this.messages.help, EXAMPLE_QUESTIONS, profile);
  }

  procedure(answer: ProcedureAnswer, profile: ChannelProfile): Rendered {
    const { procedure: p, aspects } = answer;
    const o = this.textOptions(profile);
    const notice = answer.stale && p.lastVerified ? [this.messages.stale(vietnameseDate(p.lastVerified))] : [];
    const stale = notice.map((t) => MessageFactory.text(t));
    if (aspects.length === 0) {
      const labels = detailAspects(p, DETAIL_ASPECTS, SUMMARY_FACT_ASPECTS, o).map((a) => ASPECT_LABELS[a]);
      if (profile === 'plain') {
        const summary = this.withMenu(summaryText(p, o), labels, profile, this.messages.menuHintPlain);
        return { activities: [...summary.activities, ...stale], menu: summary.menu };
      }
      if (profile === 'adaptive') {
        // The notice goes inside the card: suggested actions show only under the last message.
        return this.sheet({ title: title(p), intro: p.summary, facts: summaryFacts(p, o), outro: notice }, labels, profile);
      }
      const body = summaryText(p, o).split('\n').slice(1).join('\n\n');
      const card = CardFactory.heroCard(title(p), body, undefined, labels.map(imBack));
      return { activities: [MessageFactory.attachment(card), ...stale], menu: labels };
    }
    const texts = aspects.flatMap((a) => aspectMessages(p, a, o)).map((t) => MessageFactory.text(t));
    const others = detailAspects(p, DETAIL_ASPECTS, aspects, o).map((a) => ASPECT_LABELS[a]);
    const more = this.withMenu(this.messages.followUpHint, others, profile, this.messages.menuHintPlain);
    return { activities: [...texts, ...stale, ...more.activities], menu: more.menu };
  }

  /**
   * A list of procedures to choose from; the reply "2" or "2. Tên" picks the
   * second. Variants of one procedure are listed by what tells them apart.
   */
  choices(candidates: readonly Procedure[], profile: ChannelProfile, variants?: VariantQuestion): Rendered {
    const one = candidates.length === 1;
    const m = this.messages;
    const intro = variants ? m.chooseVariant(variants.shared, variants.common) : one ? m.chooseOne : m.chooseMany;
    // A variant by what tells it apart; a procedure offered beside the variants by its name.
    const label = (c: Procedure, i: number) => (!variants ? c.name : i < variants.labels.length ? variants.labels[i] || m.variantPlain : m.otherProcedure(c.name));
    const options = candidates.map((c, i) => `${i + 1}. ${label(c, i)}`);
    if (one) options.push(`${options.length + 1}. ${this.messages.notThisOne}`);
    if (profile === 'plain') {
      return { activities: [MessageFactory.text([intro, ...options, this.messages.chooseHintPlain].join('\n'))], menu: options };
    }
    const buttons = options.map((o) => ({ ...imBack(o), title: o.replace(/^\d+\.\s*/, '') }));
    return { activities: [MessageFactory.attachment(CardFactory.heroCard('', intro, undefined, buttons))], menu: options };
  }

  dossier(view: DossierView, actions: readonly string[], profile: ChannelProfile): Rendered {
    return this.sheet(dossierSheet(view, this.messages), actions, profile);
  }

  /** A fact sheet with choices: an Adaptive Card, a Markdown list or plain lines, by channel. */
  sheet(sheet: FactSheet, items: readonly string[], profile: ChannelProfile): Rendered {
    if (profile !== 'adaptive') return this.withMenu(sheetText(sheet, profile), items, profile, this.messages.menuHintPlain);
    const card = MessageFactory.attachment(CardFactory.adaptiveCard(factCard(sheet)));
    if (items.length > 0) card.suggestedActions = { actions: items.map(imBack), to: [] };
    return { activities: [card], menu: [...items] };
  }

  /** Not covered here: the catalogue's procedures and where they are handled, with the feedback offer. */
  elsewhere(procedures: readonly Procedure[], profile: ChannelProfile): Rendered {
    return this.textWithChoices(referralText(procedures, this.messages), [this.messages.feedback.offerLabel], profile);
  }

  /** Text followed by choices: buttons on card channels, numbered lines on plain ones. */
  textWithChoices(text: string, items: readonly string[], profile: ChannelProfile): Rendered {
    return this.withMenu(text, items, profile, this.messages.menuHintPlain);
  }

  private withMenu(text: string, items: readonly string[], profile: ChannelProfile, plainHint?: string): Rendered {
    if (items.length === 0) return this.text(text);
    if (profile === 'plain') {
      const lines = items.map((item, i) => `${i + 1}. ${item}`);
      const body = [text, '', ...(plainHint ? [plainHint] : []), ...lines].join('\n');
      return { activities: [MessageFactory.text(body)], menu: [...items] };
    }
    return { activities: [MessageFactory.suggestedActions(items.map(imBack), text)], menu: [...items] };
  }
}

function imBack(label: string): CardAction {
  return { type: ActionTypes.ImBack, title: label, value: label };
}
