/**
 * The province profile: facts a provincial People's Council or People's
 * Committee sets, which the national entries can only describe in general
 * (fees under Thông tư 85/2019/TT-BTC). An entry's fee marked
 * `setBy: province` shows the profile's amount for that procedure when the
 * profile has one, with the resolution it comes from.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { feeValueSchema, procedureCodeSchema, type FeeValue } from './schema.js';
import { describeIssues, KnowledgeError } from './knowledgeLoader.js';

const provincialFeeSchema = feeValueSchema.and(z.object({ source: z.string().trim().min(1, 'cần nêu nghị quyết của HĐND') }));

const profileSchema = z
  .object({
    /** e.g. "Tỉnh Bắc Ninh". */
    province: z.string().trim().min(1),
    fees: z.record(procedureCodeSchema, z.array(provincialFeeSchema).min(1)).default({}),
  })
  .strict();

export interface ProvinceProfile {
  province: string;
  /** The amounts in force in this province, by national procedure code. */
  fees: ReadonlyMap<string, readonly FeeValue[]>;
}

export const NO_PROVINCE: ProvinceProfile = { province: '', fees: new Map() };

export async function loadProvinceProfile(file: string | undefined): Promise<ProvinceProfile> {
  if (!file) return NO_PROVINCE;
  const parsed = profileSchema.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new KnowledgeError(file, describeIssues(parsed.error));
  return { province: parsed.data.province, fees: new Map(Object.entries(parsed.data.fees)) };
}
