/**
 * The reform map (reforms.yaml): bodies and documents that no longer exist,
 * and legal bases that were replaced, each with what replaced it. `kb audit`
 * reads it; rendering adds a notice where a catalogue record names an abolished body.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { fold } from '../language/normalize.js';

const replacement = z.object({ terms: z.array(z.string().min(2)).min(1), now: z.string().min(1), basis: z.string().min(1).nullable() });
const reformSchema = z.object({
  bodies: z.array(replacement),
  documents: z.array(replacement),
  laws: z.array(z.object({ old: z.string().min(3), new: z.string().min(3) })),
  /** Documents in force only until a known date (the 2025 transitional decrees): answers built on them need re-checking. */
  expiring: z.array(z.object({ number: z.string().min(3), until: z.iso.date(), note: z.string().min(1) })).default([]),
});
export type ReformMap = z.infer<typeof reformSchema>;
export type Replacement = z.infer<typeof replacement>;

export const DEFAULT_REFORMS_PATH = fileURLToPath(new URL('./reforms.yaml', import.meta.url));

export function loadReforms(file: string = DEFAULT_REFORMS_PATH): ReformMap {
  return reformSchema.parse(parse(readFileSync(file, 'utf8')));
}

/** Words around a mention that say it is history, not advice ("không còn dùng sổ hộ khẩu"). */
const HISTORY_CUES = ['khong con', 'khong can', 'khong phai', 'thay cho', 'thay the', 'truoc day', 'het gia tri', 'da bi bai bo', 'thay vi'];

const folded = (text: string) => ` ${fold(text).replace(/[^\p{L}\p{N}&]+/gu, ' ').trim()} `;

/** The first replacement whose term the text names as current (a sentence that calls it history does not count). */
export function outdatedMention(text: string, replacements: readonly Replacement[]): { term: string; replacement: Replacement } | undefined {
  for (const sentence of text.split(/[.;\n]+/)) {
    const f = folded(sentence);
    if (HISTORY_CUES.some((cue) => f.includes(` ${cue} `))) continue;
    for (const r of replacements) {
      const term = r.terms.find((t) => f.includes(folded(t)));
      if (term) return { term, replacement: r };
    }
  }
  return undefined;
}
