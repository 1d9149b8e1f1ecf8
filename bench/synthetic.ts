/**
 * A larger catalogue for benchmarks: each national procedure is copied N times
 * with perturbed text (syllables swapped in from other records, words dropped
 * or repeated, documents shuffled), so the vocabulary and postings grow the
 * way a bigger real catalogue's would. Deterministic (seeded).
 */
import type { Procedure } from '../src/catalogue/schema.js';

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCatalogue(source: readonly Procedure[], factor: number, seed = 42): Procedure[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const pool = source.flatMap((p) => p.name.split(/\s+/));
  const perturb = (text: string) =>
    text
      .split(/\s+/)
      .flatMap((w) => {
        const r = random();
        if (r < 0.08) return [];
        if (r < 0.2) return [pick(pool)];
        if (r < 0.25) return [w, w];
        return [w];
      })
      .join(' ');
  const out: Procedure[] = [];
  for (let copy = 0; copy < factor; copy++) {
    source.forEach((p, i) => {
      const id = `9.${String(copy * source.length + i).padStart(6, '0')}`;
      out.push({
        ...p,
        id,
        code: id,
        name: copy === 0 ? p.name : perturb(p.name),
        officialName: p.officialName && perturb(p.officialName),
        result: p.result && perturb(p.result),
        documentGroups: p.documentGroups.map((g) => ({
          ...g,
          documents: [...g.documents].sort(() => random() - 0.5).map((d) => ({ ...d, name: perturb(d.name) })),
        })),
      });
    });
  }
  return out;
}
