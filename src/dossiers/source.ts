/** Where dossier data comes from: the embedded store or the province's one-stop-shop system. */
import type { Dossier } from './schema.js';

export interface DossierSource {
  /** The dossier with this normalised code, or undefined when there is none. Throws DossierSourceUnavailable. */
  find(code: string): Promise<Dossier | undefined>;
  /** Re-reads data another process may have changed (the embedded store after an import). */
  refresh?(): Promise<void>;
}

/** The source did not answer usably (down, slow, malformed): say so, never crash. */
export class DossierSourceUnavailable extends Error {
  override name = 'DossierSourceUnavailable';
}
