/**
 * The loaded catalogue: procedures by id plus the search index. What the
 * bot, the staff console, the CLI and the benchmarks all query.
 */
import { loadLexicon, type Lexicon } from '../language/lexicon.js';
import type { Procedure } from './schema.js';
import { SearchIndex, type SearchOptions, type SearchVerdict } from './searchIndex.js';
import { loadSources } from './sources.js';

export class Catalogue {
  private readonly byId: Map<string, Procedure>;

  constructor(readonly index: SearchIndex) {
    this.byId = new Map();
    for (const p of index.procedures) {
      this.byId.set(p.id, p);
    }
  }

  static fromProcedures(procedures: readonly Procedure[], lexicon: Lexicon = loadLexicon()): Catalogue {
    return new Catalogue(SearchIndex.build(procedures, lexicon));
  }

  static async load(sources: readonly string[], lexicon: Lexicon = loadLexicon()): Promise<Catalogue> {
    return Catalogue.fromProcedures(await loadSources(sources), lexicon);
  }

  get size(): number {
    return this.index.procedures.length;
  }

  get(id: string): Procedure | undefined {
    return this.byId.get(id);
  }

  search(text: string, options?: SearchOptions): SearchVerdict {
    return this.index.search(text, options);
  }
}
