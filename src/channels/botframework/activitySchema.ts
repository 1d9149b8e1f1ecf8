/**
 * What /api/messages accepts, checked at the edge before the SDK sees it:
 * the ids every turn needs, strings where strings are expected, bounded
 * lengths and payloads. Anything else is a 400 with a short reason, never a
 * crash inside the adapter ("endpoint.toLowerCase is not a function").
 */
import { z } from 'zod';
import { MAX_MESSAGE_TEXT, MAX_PAYLOAD_BYTES } from '../limits.js';

const id = (max: number) => z.string().min(1).max(max);
const account = z.looseObject({ id: id(256), name: z.string().max(256).optional(), role: z.string().max(32).optional() });

/** Bounded by serialised size; nesting depth is already bounded by the body policy. */
const payload = z
  .unknown()
  .refine((v) => v === undefined || JSON.stringify(v).length <= MAX_PAYLOAD_BYTES, { message: `at most ${MAX_PAYLOAD_BYTES} bytes` })
  .optional();

export const incomingActivitySchema = z.looseObject({
  type: id(64),
  id: z.string().max(256).optional(),
  channelId: id(64),
  serviceUrl: z
    .string()
    .max(2048)
    .refine((url) => /^https?:\/\//i.test(url), { message: 'must be an http(s) URL' }),
  conversation: z.looseObject({ id: id(512) }),
  from: account,
  recipient: account.optional(),
  text: z.string().max(MAX_MESSAGE_TEXT).optional(),
  locale: z.string().max(20).optional(),
  value: payload,
  channelData: payload,
  attachments: z.array(z.unknown()).max(10).optional(),
  entities: z.array(z.unknown()).max(20).optional(),
  membersAdded: z.array(account).max(50).optional(),
  membersRemoved: z.array(account).max(50).optional(),
});

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

/** A short reason for a 400: the first problem and where it is. */
export function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'activity'}: ${issue.message}` : 'not an activity';
}
