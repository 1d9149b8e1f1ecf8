/**
 * Prompts shared by the flows: four phone digits, yes/no, and a feedback
 * field validated with its own Vietnamese message.
 */
import { TextPrompt, type PromptValidatorContext } from 'botbuilder-dialogs';
import type { Messages } from '../messages.js';
import { checkAddress, checkContent, checkEmail, checkName, checkPhone, type Checked } from '../complaints/fields.js';
import { fold } from '../language/normalize.js';
import { yesNo } from '../language/yesNo.js';
import { fourDigits, type FeedbackField } from '../language/replies.js';

export { fieldNamed, fourDigits, isSendConfirmation } from '../language/replies.js';

/** After this many tries a prompt gives up and the step says so, instead of asking forever. */
export const MAX_PROMPT_ATTEMPTS = 3;


export function fourDigitsPrompt(id: string): TextPrompt {
  return new TextPrompt(id, async (p: PromptValidatorContext<string>) => fourDigits(p.recognized.value ?? '') !== undefined || p.attemptCount >= MAX_PROMPT_ATTEMPTS);
}

export function yesNoPrompt(id: string): TextPrompt {
  return new TextPrompt(id, async (p: PromptValidatorContext<string>) => yesNo(p.recognized.value ?? '') !== undefined);
}

const SKIP_WORDS = new Set(['khong', 'ko', 'k', 'khong co', 'khg']);

export const FIELD_CHECKS = {
  content: checkContent,
  related: (text: string): Checked => ({ ok: true, value: SKIP_WORDS.has(fold(text).replace(/[.!]/g, '').trim()) ? '' : text.trim().slice(0, 300) }),
  name: checkName,
  address: checkAddress,
  phone: checkPhone,
  email: checkEmail,
} as const satisfies Record<FeedbackField, (text: string) => Checked>;
export type FieldName = FeedbackField;

/** A text prompt for one feedback field: `validations: { field }` in the prompt options names it. */
export function fieldPrompt(id: string, messages: Messages): TextPrompt {
  return new TextPrompt(id, async (p: PromptValidatorContext<string>) => {
    const field = (p.options.validations as { field: FieldName }).field;
    const checked = FIELD_CHECKS[field](p.recognized.value ?? '');
    if (!checked.ok) await p.context.sendActivity(messages.feedback.problems[checked.problem]);
    return checked.ok;
  });
}
