/**
 * What the index reads of a procedure, and how much each part counts.
 * Names and the words people use (aliases) decide; body text only helps.
 */
import type { Procedure } from './schema.js';

export interface IndexField {
  name: string;
  /** BM25F field weight. */
  weight: number;
  /** Length normalisation (0: none, 1: full). */
  b: number;
  /** Index phonetic keys too: only for short fields, where a misspelt name must still land. */
  phonetic: boolean;
  /** Count a term once per text: a name that says "lái xe" twice is not more about driving. */
  distinct: boolean;
  /** What the procedure is about (names, aliases, summary), as opposed to body text (document lists). */
  focus: boolean;
  texts(p: Procedure): Array<string | undefined | null>;
}

export const INDEX_FIELDS: readonly IndexField[] = [
  { name: 'name', focus: true, weight: 3, b: 0.5, phonetic: true, distinct: true, texts: (p) => [p.name, p.officialName] },
  { name: 'aliases', focus: true, weight: 2.5, b: 0.5, phonetic: true, distinct: true, texts: (p) => p.aliases },
  { name: 'examples', focus: true, weight: 1.2, b: 0.5, phonetic: true, distinct: true, texts: (p) => p.examples },
  { name: 'field', focus: true, weight: 0.8, b: 0.3, phonetic: false, distinct: true, texts: (p) => [p.field] },
  { name: 'about', focus: true, weight: 0.5, b: 0.75, phonetic: false, distinct: false, texts: (p) => [p.summary, p.result] },
  {
    // Official document lists vary from two lines to forty: full length
    // normalisation would bury the procedures with long lists (measured on
    // the real questions: a broad plateau around weight 0.3–0.5, b 0.2–0.4,
    // re-checked once lengths were counted in syllables on both sides).
    name: 'documents',
    focus: false,
    weight: 0.4,
    b: 0.4,
    phonetic: false,
    distinct: false,
    texts: (p) => p.documentGroups.flatMap((g) => g.documents.map((d) => d.name)),
  },
];
