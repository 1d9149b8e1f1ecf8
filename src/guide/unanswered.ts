/**
 * Questions the assistant could not answer, for administrators to improve
 * knowledge/ (`npm run kb -- unanswered`). Stored redacted, and only the
 * newest ones are kept.
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import { openDatabase } from '../storage/durableFile.js';
import { redact } from '../language/redact.js';

export interface UnansweredEntry {
  at: string;
  channel: string;
  text: string;
}

export const UNANSWERED_FILE = 'unanswered.json';
const KEEP = 5_000;
const MAX_TEXT = 500;
/**
 * Redaction runs on the kept text plus this much, so that what starts before
 * the cut is seen whole (the longest e-mail address is 64 + 1 + 253 + 1 + 63;
 * phone numbers and names are shorter). Redacting all of a long text first let
 * one message hold the event loop.
 */
const REDACT_MARGIN = 400;

export class UnansweredLog {
  private constructor(
    private readonly db: Low<{ entries: UnansweredEntry[] }>,
    private readonly clock: () => Date,
  ) {}

  static async open(dataDir: string, clock: () => Date = () => new Date()): Promise<UnansweredLog> {
    return new UnansweredLog(await openDatabase<{ entries: UnansweredEntry[] }>(path.join(dataDir, UNANSWERED_FILE), { entries: [] }), clock);
  }

  async record(text: string, channel: string): Promise<void> {
    const entries = this.db.data.entries;
    const kept = redact(text.slice(0, MAX_TEXT + REDACT_MARGIN)).slice(0, MAX_TEXT);
    entries.push({ at: this.clock().toISOString(), channel, text: kept });
    if (entries.length > KEEP) entries.splice(0, entries.length - KEEP);
    await this.db.write();
  }

  list(): readonly UnansweredEntry[] {
    return this.db.data.entries;
  }
}
