/** Procedures change: an entry not verified for a while is answered with a caution. */
import type { Procedure } from './schema.js';

const DAY_MS = 86_400_000;

/** True when the entry was verified more than `maxAgeDays` before `now`. Unverified entries are not "stale": they are imports. */
export function isStale(procedure: Pick<Procedure, 'lastVerified'>, now: Date, maxAgeDays: number): boolean {
  if (!procedure.lastVerified) return false;
  const verified = Date.parse(`${procedure.lastVerified}T00:00:00Z`);
  return now.getTime() - verified > maxAgeDays * DAY_MS;
}
