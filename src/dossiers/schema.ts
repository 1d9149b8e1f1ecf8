/**
 * A dossier as the province's one-stop-shop system reports it (and as the
 * embedded store keeps it). Validated on every read from outside.
 */
import { z } from 'zod';

/** The national sync statuses of a dossier (labels in messages.ts). "Quá hạn" is not a status: it is computed. */
export type DossierStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** Statuses after which a deadline no longer runs. */
export const CLOSED_STATUSES: ReadonlySet<DossierStatus> = new Set([3, 7, 8, 9, 10]);

const isoDateTime = z.iso.datetime({ offset: true });

export const dossierSchema = z.object({
  code: z.string().min(1),
  procedureCode: z.string().nullish(),
  procedureName: z.string().min(1),
  agency: z.string().min(1),
  receivedAt: isoDateTime,
  dueAt: isoDateTime.nullable(),
  status: z.number().int().min(1).max(10).transform((n) => n as DossierStatus),
  statusNote: z.string().nullish(),
  applicantName: z.string().min(1),
  applicantPhone: z.string().min(4),
  missingDocuments: z.array(z.string()).default([]),
  resultDelivery: z.string().nullish(),
  updatedAt: isoDateTime,
});
export type Dossier = z.infer<typeof dossierSchema>;
