/**
 * The procedure schema: the single source of truth for knowledge entries,
 * catalogue imports and everything the dialogs render.
 */
import { z } from 'zod';

/** National procedure code as published on the national portal, e.g. "1.001193". */
export const procedureCodeSchema = z
  .string()
  .regex(/^\d\.\d{6}$/, 'mã thủ tục quốc gia phải có dạng 1.001193');

export const levelSchema = z.enum(['Cấp bộ', 'Cấp tỉnh', 'Cấp xã', 'Cơ quan khác']);
export type Level = z.infer<typeof levelSchema>;

/** How a dossier can be submitted. */
export const channelKindSchema = z.enum(['online', 'in-person', 'post']);
export type ChannelKind = z.infer<typeof channelKindSchema>;

const text = z.string().trim().min(1);
const isoDate = z.iso.date();

/**
 * One fee amount and the days it applies to. A fee that changes on a known
 * date (a reduction ending 31/12/2026) is a list of these, so an answer shows
 * the amount in force on the day it is given.
 */
export const feeValueSchema = z
  .object({
    /** The amount in plain words, e.g. "25.000 đồng/thẻ" or "Miễn lệ phí". */
    value: text,
    from: isoDate.optional(),
    until: isoDate.optional(),
    /** The legal document that sets this amount. */
    source: text.optional(),
    /** Set by the provincial People's Council: a province profile may give the exact amount. */
    setBy: z.literal('province').optional(),
  })
  .strict()
  .refine((v) => !v.from || !v.until || v.from <= v.until, { message: 'from phải trước until', path: ['until'] });
export type FeeValue = z.infer<typeof feeValueSchema>;

/** A fee as written: plain words, or dated values; always a list once parsed. */
const feeSchema = z
  .union([text.transform((value): FeeValue[] => [{ value }]), z.array(feeValueSchema).min(1)])
  .nullable()
  .default(null);

export const channelSchema = z.object({
  channel: channelKindSchema,
  /** Processing time in plain words, e.g. "05 ngày làm việc". */
  time: text.nullable().default(null),
  /** Fee or charge, e.g. "Miễn phí" or "50.000 đồng", or dated values. */
  fee: feeSchema,
  note: text.nullable().default(null),
});
export type Channel = z.infer<typeof channelSchema>;

/**
 * Online service level. "full" is dịch vụ công trực tuyến toàn trình (the old
 * level 4), "partial" is một phần (old level 3). "unspecified" means the source
 * says online filing exists but not at which level (national catalogue imports).
 */
export const onlineSchema = z.object({
  level: z.enum(['full', 'partial', 'unspecified', 'none']),
  url: z.url({ protocol: /^https?$/ }).nullable().default(null),
});
export type OnlineService = z.infer<typeof onlineSchema>;

export const documentSchema = z.object({
  name: text,
  /** "1 bản chính", "1 bản sao", "Xuất trình bản chính"... */
  copies: text.nullable().default(null),
  /** Form to use, e.g. "Tờ khai theo Mẫu CT01". */
  form: text.nullable().default(null),
});
export type ProcedureDocument = z.infer<typeof documentSchema>;

export const documentGroupSchema = z.object({
  /** The case this group applies to; null for the general list. */
  case: text.nullable().default(null),
  documents: z.array(documentSchema).min(1),
});
export type DocumentGroup = z.infer<typeof documentGroupSchema>;

export const legalBasisSchema = z.object({
  title: text,
  number: text.nullable().default(null),
});

/** What an entry's facts were compared with, and when. */
export const verificationSchema = z
  .object({
    on: isoDate,
    /** The catalogue record, the legal document (number and article), the province's decision. */
    against: text,
    checked: z.array(z.enum(['documents', 'steps', 'time', 'fee', 'where', 'agency', 'online', 'post', 'conditions', 'result', 'legal'])).min(1),
  })
  .strict();
export type Verification = z.infer<typeof verificationSchema>;

/** A procedure entry as written in knowledge/*.yaml. */
export const procedureEntrySchema = z
  .object({
    code: procedureCodeSchema.optional(),
    /** Short everyday name shown to citizens. */
    name: text,
    /** The official name from the national catalogue, when it differs. */
    officialName: text.optional(),
    /** Two plain sentences a citizen understands. */
    summary: text.optional(),
    /** Names people really use: "làm giấy khai sinh", "bằng lái"... */
    aliases: z.array(text).default([]),
    /** Short example questions, used for matching. */
    examples: z.array(text).default([]),
    field: text,
    levels: z.array(levelSchema).min(1),
    /** Who decides the dossier. */
    agency: text.optional(),
    /** Where to submit, in plain words. */
    where: text.optional(),
    channels: z.array(channelSchema).default([]),
    online: onlineSchema.default({ level: 'none', url: null }),
    documentGroups: z.array(documentGroupSchema).default([]),
    steps: z.array(text).default([]),
    conditions: text.nullable().default(null),
    result: text.nullable().default(null),
    legalBasis: z.array(legalBasisSchema).default([]),
    /** Whether the result can be received by post (submitting by post is the 'post' channel); null: unknown. */
    resultByPost: z.boolean().nullable().default(null),
    /** Sibling codes that are the same procedure at another level or its online variant. */
    alternates: z.array(procedureCodeSchema).default([]),
    sourceUrl: z.url({ protocol: /^https?$/ }).optional(),
    verification: z.array(verificationSchema).default([]),
  })
  .strict()
  .transform((entry) => ({ ...entry, lastVerified: latest(entry.verification) }));

function latest(verification: readonly Verification[]): string | undefined {
  return verification.reduce<string | undefined>((last, v) => (!last || v.on > last ? v.on : last), undefined);
}

export type ProcedureEntry = z.input<typeof procedureEntrySchema>;

/** A validated procedure, whatever source it came from. */
export type Procedure = z.infer<typeof procedureEntrySchema> & {
  /** Stable id: the national code, or the file name for local-only entries. */
  id: string;
  origin: {
    kind: 'knowledge' | 'catalogue';
    path: string;
    /** Top-level keys the source file wrote itself (not defaults): what an overlay replaces. */
    declared: string[];
  };
};

/** True when the procedure can be filed by post (bưu chính công ích). */
export function acceptsPost(procedure: Pick<Procedure, 'channels'>): boolean {
  return procedure.channels.some((c) => c.channel === 'post');
}
