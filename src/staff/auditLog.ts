/**
 * The audit log of staff lookups: who looked up which dossier or feedback
 * (or recorded one), when, why and from where. Append-only JSON lines (O_APPEND, fsync before the lookup is
 * answered), so no route can edit or remove an entry and a crash loses at
 * most a line being written, which the reader skips. Admins read and export it.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';

export const AUDIT_FILE = 'staff-audit.jsonl';

export interface AuditEntry {
  at: string;
  username: string;
  action: 'dossier-lookup' | 'feedback-lookup' | 'feedback-record';
  /** The dossier code or feedback tracking code looked up. */
  code: string;
  /** The reason the operator chose (a key of LOOKUP_REASONS), or what prompted the action. */
  reason: string;
  address: string;
  /** What the lookup found: the operator saw a record, or none. */
  found: boolean;
}

export class AuditLog {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  static forDataDir(dataDir: string): AuditLog {
    return new AuditLog(path.join(dataDir, AUDIT_FILE));
  }

  /** Appends one entry durably; resolves once it is on disk. */
  append(entry: AuditEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const next = this.queue.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      const handle = await open(this.file, 'a', 0o600);
      try {
        await handle.write(line);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Every entry, newest first. */
  async entries(): Promise<AuditEntry[]> {
    await this.queue;
    const text = await readFile(this.file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '' : Promise.reject(e)));
    const out: AuditEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        out.push(JSON.parse(line) as AuditEntry);
      } catch {
        // A line torn by a crash mid-write.
      }
    }
    return out.reverse();
  }
}

const CSV_COLUMNS = ['at', 'username', 'action', 'code', 'reason', 'address', 'found'] as const;

/** RFC 4180 CSV; a cell that a spreadsheet would read as a formula is quoted with a leading apostrophe. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const cell = (value: unknown) => {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [CSV_COLUMNS.join(','), ...entries.map((e) => CSV_COLUMNS.map((c) => cell(e[c])).join(','))].join('\r\n') + '\r\n';
}
