/**
 * Loads every configured knowledge source and overlays them: catalogue files
 * first, then knowledge folders, so a hand-written entry enriches or overrides
 * the catalogue record with the same code, field by field.
 */
import { stat } from 'node:fs/promises';
import { loadCatalogueFile } from './catalogueLoader.js';
import { KnowledgeError, loadKnowledgeDir, loadKnowledgeFile } from './knowledgeLoader.js';
import type { Procedure } from './schema.js';

export async function loadSource(source: string): Promise<Procedure[]> {
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new KnowledgeError(source, ['không tìm thấy tệp hoặc thư mục']);
  if (info.isDirectory()) return loadKnowledgeDir(source);
  if (/\.jsonl(\.gz)?$/i.test(source)) return loadCatalogueFile(source);
  if (/\.ya?ml$/i.test(source)) return [await loadKnowledgeFile(source)];
  throw new KnowledgeError(source, ['cần một thư mục knowledge/, một tệp .yaml, hoặc tệp danh mục .jsonl / .jsonl.gz']);
}

export async function loadSources(sources: readonly string[]): Promise<Procedure[]> {
  const loaded = await Promise.all(sources.map(loadSource));
  const ordered = [...loaded.filter(isCatalogue), ...loaded.filter((l) => !isCatalogue(l))];
  const byId = new Map<string, Procedure>();
  for (const procedures of ordered) {
    for (const p of procedures) {
      const base = byId.get(p.id);
      byId.set(p.id, base ? overlay(base, p) : p);
    }
  }
  return [...byId.values()];
}

function isCatalogue(procedures: Procedure[]): boolean {
  return procedures[0]?.origin.kind === 'catalogue';
}

/** The fields the overlay declares replace the base's; the rest is kept. */
export function overlay(base: Procedure, top: Procedure): Procedure {
  const merged: Record<string, unknown> = { ...base };
  for (const key of top.origin.declared) merged[key] = (top as Record<string, unknown>)[key];
  // Derived from `verification`, so it follows it.
  if (top.origin.declared.includes('verification')) merged.lastVerified = top.lastVerified;
  return { ...(merged as Procedure), id: top.id, origin: top.origin };
}
