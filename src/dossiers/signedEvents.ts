/**
 * Status events pushed by the one-stop-shop system to POST /api/dossiers/events,
 * signed as src/security/signature.ts describes. A missing or wrong signature,
 * or a timestamp more than five minutes away from now (a replay), is refused.
 */
import { z } from 'zod';

export { checkSignature, sign as signEvent, type SignatureCheck } from '../security/signature.js';

export const dossierEventSchema = z.object({
  code: z.string().min(1),
  status: z.number().int().min(1).max(10),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type DossierEvent = z.infer<typeof dossierEventSchema>;
