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
  texts(p: Procedure): Array<string | undefined | null>;
}

export const INDEX_FIELDS: readonly IndexField[] = [
  { name: 'name', weight: 3, b: 0.5, phonetic: true, texts: (p) => [p.name, p.officialName] },
  { name: 'aliases', weight: 2.5, b: 0.5, phonetic: true, texts: (p) => p.aliases },
  { name: 'examples', weight: 1.2, b: 0.5, phonetic: true, texts: (p) => p.examples },
  { name: 'field', weight: 0.8, b: 0.3, phonetic: false, texts: (p) => [p.field] },
  { name: 'about', weight: 0.5, b: 0.75, phonetic: false, texts: (p) => [p.summary, p.result] },
  {
    name: 'documents',
    weight: 0.25,
    b: 0.75,
    phonetic: false,
    texts: (p) => p.documentGroups.flatMap((g) => g.documents.map((d) => d.name)),
  },
];
