/**
 * Prompts shared by the flows: four phone digits, yes/no, and a feedback
 * field validated with its own Vietnamese message.
 */
import { TextPrompt, type PromptValidatorContext } from 'botbuilder-dialogs';
import type { Messages } from '../messages.js';
import { checkAddress, checkContent, checkEmail, checkName, checkPhone, type Checked } from '../complaints/fields.js';
import { fold } from '../language/normalize.js';
import { yesNo } from '../language/yesNo.js';

/** After this many tries a prompt gives up and the step says so, instead of asking forever. */
export const MAX_PROMPT_ATTEMPTS = 3;

const FOUR_DIGITS = /^\s*(\d\s*){4}$/;

export function fourDigits(text: string): string | undefined {
  return FOUR_DIGITS.test(text) ? text.replace(/\s/g, '') : undefined;
}

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
} as const;
export type FieldName = keyof typeof FIELD_CHECKS;

/** A text prompt for one feedback field: `validations: { field }` in the prompt options names it. */
export function fieldPrompt(id: string, messages: Messages): TextPrompt {
  return new TextPrompt(id, async (p: PromptValidatorContext<string>) => {
    const field = (p.options.validations as { field: FieldName }).field;
    const checked = FIELD_CHECKS[field](p.recognized.value ?? '');
    if (!checked.ok) await p.context.sendActivity(messages.feedback.problems[checked.problem]);
    return checked.ok;
  });
}

/** "gửi", "gửi phản ánh", "xác nhận", "có": the citizen confirms sending. */
export function isSendConfirmation(text: string): boolean {
  return yesNo(text) === 'yes' || /^(gui|gui phan anh|gui di|xac nhan|xac nhan gui)$/.test(fold(text).trim());
}

/** The field a correction names: "sửa địa chỉ" → address. */
export function fieldNamed(text: string): FieldName | undefined {
  const t = ` ${fold(text)} `;
  const cues: Array<[FieldName, string[]]> = [
    ['phone', ['so dien thoai', 'dien thoai', 'sdt', 'so dt']],
    ['address', ['dia chi']],
    ['email', ['email', 'mail']],
    ['name', ['ho ten', 'ho va ten', ' ten ']],
    ['related', ['lien quan', 'thu tuc', 'ma ho so', 'ho so']],
    ['content', ['noi dung', 'phan anh']],
  ];
  return cues.find(([, words]) => words.some((w) => t.includes(w.startsWith(' ') ? w : ` ${w} `)))?.[0];
}
