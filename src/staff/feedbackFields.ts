/**
 * A feedback taken down by an operator: the chat's field rules
 * (complaints/fields.ts) applied to a form, all problems at once, and the
 * caller's consent, read out by the operator, required before anything is kept.
 */
import { z } from 'zod';
import { checkAddress, checkContent, checkEmail, checkName, checkPhone, type Checked, type FieldProblem } from '../complaints/fields.js';
import type { ComplaintDraft } from '../complaints/schema.js';

/** Generous: the field rules below say what is too long, in the chat's words. */
const field = z.string().max(50_000);
export const feedbackFieldsSchema = z.object({
  content: field,
  related: field.default(''),
  name: field,
  address: field,
  phone: field,
  email: field.default(''),
  /** The operator read the consent sentence and the caller agreed. */
  consent: z.unknown().transform((v) => v === true),
  /** Sent again with a retried request, so a double submit makes one record. */
  draftId: z.string().uuid().optional(),
});
export type FeedbackFields = z.infer<typeof feedbackFieldsSchema>;

type DraftField = Exclude<keyof ComplaintDraft, 'related'>;
export type FeedbackCheck =
  | { kind: 'ok'; draft: ComplaintDraft }
  | { kind: 'no-consent' }
  | { kind: 'invalid'; problems: Partial<Record<DraftField, FieldProblem>> };

const CHECKS: Record<DraftField, (text: string) => Checked> = {
  content: checkContent, name: checkName, address: checkAddress, phone: checkPhone, email: (t) => checkEmail(t.trim() || 'không'),
};

export function checkFeedback(fields: FeedbackFields): FeedbackCheck {
  if (!fields.consent) return { kind: 'no-consent' };
  const problems: Partial<Record<DraftField, FieldProblem>> = {};
  const values: Partial<Record<DraftField, string>> = {};
  for (const [name, check] of Object.entries(CHECKS) as Array<[DraftField, (t: string) => Checked]>) {
    const result = check(fields[name]);
    if (result.ok) values[name] = result.value;
    else problems[name] = result.problem;
  }
  if (Object.keys(problems).length > 0) return { kind: 'invalid', problems };
  return { kind: 'ok', draft: { ...(values as Record<DraftField, string>), related: fields.related.trim().slice(0, 300) } };
}
