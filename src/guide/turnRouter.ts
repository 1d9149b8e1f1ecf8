/**
 * The turn router: what a citizen's message is, given what the conversation
 * is waiting for. No botbuilder here; the dialogs dispatch on the answer.
 *
 * Precedence, first that applies wins:
 *  1. An empty message.
 *  2. The reply the conversation waits for, when the message reads as one:
 *     a yes or no ("đúng rồi", "thôi", "không" answer the question; they
 *     never cancel), four phone digits, a pick from the menu on screen (by
 *     number or by name; on the main menu by number only), a dossier code,
 *     "gửi" or the field to correct, "gửi" again just after a feedback was sent.
 *  3. A command that is the whole message: "hủy", "bắt đầu lại", "giúp"
 *     (and, outside a flow, greetings and thanks).
 *  4. Inside a flow: the prompt reads whatever else was typed (a field value,
 *     or a reply it will ask again for).
 *  5. Outside a flow: "báo cho tôi khi có kết quả", a feedback tracking
 *     code, a dossier code (or a malformed one), giving feedback, asking
 *     where a dossier stands; else a procedure question for ProcedureGuide.
 */
import { parseComplaintCode } from '../complaints/complaintService.js';
import { parseDossierCode, type CodeProblem } from '../dossiers/dossierCode.js';
import type { AnalyzedText } from '../language/analyze.js';
import { pickChoice, pickNumber } from '../language/choice.js';
import { asksDossierStatus, asksToGiveFeedback, asksToSubscribe, detectCommand, type CommandIntent } from '../language/intents.js';
import { fieldNamed, fourDigits, isSendConfirmation } from '../language/replies.js';
import { yesNo } from '../language/yesNo.js';

/** What the conversation waits for: it decides who owns words that could mean two things. */
export type Expecting =
  /** The main router: a new question, or a number from the list last shown; `sent` just after a feedback was sent. */
  | { kind: 'question'; menu?: readonly string[]; sent?: boolean }
  | { kind: 'yes-no' }
  | { kind: 'digits' }
  | { kind: 'menu'; options: readonly string[] }
  | { kind: 'dossier-code' }
  /** "gửi", or the field to correct. */
  | { kind: 'review' }
  /** Free text: a feedback field. */
  | { kind: 'field' };

export type Turn =
  | { kind: 'empty' }
  | { kind: 'command'; command: CommandIntent }
  /** The reply the flow waits for; the flow reads it. */
  | { kind: 'reply' }
  | { kind: 'pick'; index: number }
  /** "gửi" once more after the feedback was sent: nothing new is created. */
  | { kind: 'resend' }
  | { kind: 'feedback-status'; code: string }
  | { kind: 'dossier'; code?: string; problem?: CodeProblem }
  | { kind: 'subscribe' }
  /** Feedback (phản ánh, kiến nghị); `formal` when it reads as khiếu nại or tố cáo. */
  | { kind: 'feedback'; formal?: 'khieu-nai' | 'to-cao' }
  | { kind: 'question' };

/** Commands that interrupt a flow; greetings and thanks inside one are part of the reply. */
const FLOW_COMMANDS: ReadonlySet<CommandIntent> = new Set(['cancel', 'restart', 'help']);

export class TurnRouter {
  constructor(private readonly analyze: (text: string) => AnalyzedText) {}

  classify(text: string, expecting: Expecting): Turn {
    if (!text.trim()) return { kind: 'empty' };
    const awaited = awaitedReply(text, expecting);
    if (awaited) return awaited;
    const analyzed = this.analyze(text);
    const command = detectCommand(analyzed);
    if (expecting.kind !== 'question') {
      return command && FLOW_COMMANDS.has(command) ? { kind: 'command', command } : { kind: 'reply' };
    }
    if (command) return { kind: 'command', command };
    return topic(text, analyzed);
  }
}

/** Step 2: the message is the reply the conversation waits for. */
function awaitedReply(text: string, expecting: Expecting): Turn | undefined {
  switch (expecting.kind) {
    case 'yes-no':
      return yesNo(text) ? { kind: 'reply' } : undefined;
    case 'digits':
      return fourDigits(text) ? { kind: 'reply' } : undefined;
    case 'menu': {
      const index = pickChoice(text, expecting.options);
      return index === undefined ? undefined : { kind: 'pick', index };
    }
    case 'dossier-code':
      return parseDossierCode(text).kind === 'absent' ? undefined : { kind: 'reply' };
    case 'review':
      return isSendConfirmation(text) || fieldNamed(text) ? { kind: 'reply' } : undefined;
    case 'field':
      return undefined;
    case 'question': {
      const index = expecting.menu ? pickNumber(text, expecting.menu.length) : undefined;
      if (index !== undefined) return { kind: 'pick', index };
      return expecting.sent && isSendConfirmation(text) ? { kind: 'resend' } : undefined;
    }
  }
}

/** Step 5: what a new message outside any flow is about. */
function topic(text: string, analyzed: AnalyzedText): Turn {
  if (asksToSubscribe(analyzed)) return { kind: 'subscribe' };
  const feedbackCode = parseComplaintCode(text);
  if (feedbackCode) return { kind: 'feedback-status', code: feedbackCode };
  const code = parseDossierCode(text);
  if (code.kind === 'code') return { kind: 'dossier', code: code.code };
  if (code.kind === 'invalid') return { kind: 'dossier', problem: code.problem };
  const feedback = asksToGiveFeedback(analyzed);
  if (feedback) return { kind: 'feedback', ...feedback };
  if (asksDossierStatus(analyzed)) return { kind: 'dossier' };
  return { kind: 'question' };
}
