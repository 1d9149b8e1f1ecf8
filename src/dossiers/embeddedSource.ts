/**
 * The default dossier source: a lowdb file in DATA_DIR, filled by
 * `npm run dossiers -- import FILE.json`. A new installation starts with a
 * few clearly fictional demo dossiers so the feature can be tried at once.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { openDatabase } from '../storage/durableFile.js';
import { parseDossierCode } from './dossierCode.js';
import { demoDossiers } from './demo.js';
import { dossierSchema, type Dossier } from './schema.js';
import type { DossierSource } from './source.js';

export const DOSSIERS_FILE = 'dossiers.json';

interface Data {
  dossiers: Record<string, Dossier>;
}

export class EmbeddedDossierSource implements DossierSource {
  private constructor(private readonly db: Low<Data>) {}

  static async open(dataDir: string, clock: () => Date = () => new Date()): Promise<EmbeddedDossierSource> {
    const file = path.join(dataDir, DOSSIERS_FILE);
    const isNew = await access(file).then(() => false, () => true);
    const source = new EmbeddedDossierSource(await openDatabase<Data>(file, { dossiers: {} }));
    if (isNew) await source.import(demoDossiers(clock()));
    return source;
  }

  async refresh(): Promise<void> {
    await this.db.read();
  }

  async find(code: string): Promise<Dossier | undefined> {
    return this.db.data.dossiers[code];
  }

  /** Adds or replaces records (validated, codes normalised). Returns how many were stored. */
  async import(records: unknown): Promise<number> {
    const list = z.array(dossierSchema).parse(records);
    for (const d of list) {
      const parsed = parseDossierCode(d.code);
      if (parsed.kind !== 'code') throw new Error(`Mã hồ sơ không hợp lệ: ${d.code}`);
      this.db.data.dossiers[parsed.code] = { ...d, code: parsed.code };
    }
    await this.db.write();
    return list.length;
  }

  codes(): string[] {
    return Object.keys(this.db.data.dossiers);
  }
}
