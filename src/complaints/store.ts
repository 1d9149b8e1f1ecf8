/**
 * Feedback records and their delivery jobs in one file, so that a record and
 * its jobs are written together (temp file, fsync, rename): a crash right
 * after the citizen is told "received" loses nothing, and a restart resumes
 * the pending deliveries.
 *
 * The server and the CLI share the file: every change is a function applied
 * under the file's lock to the data as it is on disk then (see SharedJSONFile),
 * never "write back what I read earlier". Reads are of the last version seen;
 * entry points call refresh() first to pick up another process's changes.
 */
import path from 'node:path';
import { SharedJSONFile } from '../storage/sharedFile.js';
import type { Complaint, DeliveryJob } from './schema.js';

export const COMPLAINTS_FILE = 'complaints.json';

export interface ComplaintData {
  complaints: Record<string, Complaint>;
  jobs: Record<string, DeliveryJob>;
  /** Vietnam date (YYMMDD) → last sequence number used in tracking codes. */
  sequences: Record<string, number>;
}

/** The next tracking code of the day, counted in `data` (call it inside a change). */
export function allocateCode(data: ComplaintData, yymmdd: string): string {
  const n = (data.sequences[yymmdd] ?? 0) + 1;
  data.sequences[yymmdd] = n;
  return `PAKN-${yymmdd}-${String(n).padStart(4, '0')}`;
}

export function jobsOf(data: ComplaintData, code: string): DeliveryJob[] {
  return Object.values(data.jobs).filter((j) => j.code === code);
}

export class ComplaintStore {
  private constructor(private readonly file: SharedJSONFile<ComplaintData>) {}

  static async open(dataDir: string): Promise<ComplaintStore> {
    return new ComplaintStore(await SharedJSONFile.open<ComplaintData>(path.join(dataDir, COMPLAINTS_FILE), { complaints: {}, jobs: {}, sequences: {} }));
  }

  /** Picks up what another process (the CLI, another instance) changed since the last read: a stat, a re-read only if changed. */
  refresh(): Promise<void> {
    return this.file.refresh();
  }

  /** Same as refresh(); kept for callers written before the file was shared. */
  reload(): Promise<void> {
    return this.refresh();
  }

  get(code: string): Complaint | undefined {
    return this.file.data.complaints[code];
  }

  all(): Complaint[] {
    return Object.values(this.file.data.complaints);
  }

  byDraft(draftId: string): Complaint | undefined {
    return this.all().find((c) => c.draftId === draftId);
  }

  job(id: string): DeliveryJob | undefined {
    return this.file.data.jobs[id];
  }

  jobs(): DeliveryJob[] {
    return Object.values(this.file.data.jobs);
  }

  jobsFor(code: string): DeliveryJob[] {
    return jobsOf(this.file.data, code);
  }

  /** Applies `change` to the data as it is on disk now, under the lock, and writes it durably. */
  mutate<R>(change: (data: ComplaintData) => R): Promise<R> {
    return this.file.update(change);
  }

  /** The record and its jobs, in one durable write. */
  async create(complaint: Complaint, jobs: DeliveryJob[]): Promise<void> {
    await this.mutate((data) => {
      data.complaints[complaint.code] = complaint;
      for (const job of jobs) data.jobs[job.id] = job;
    });
  }

  /** Changes a record as it is now; undefined (and nothing written) when it is gone. */
  update(code: string, change: Partial<Complaint> | ((current: Complaint) => Partial<Complaint>)): Promise<Complaint | undefined> {
    return this.mutate((data) => {
      const current = data.complaints[code];
      if (!current) return undefined;
      const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
      data.complaints[code] = next;
      return next;
    });
  }

  /**
   * Changes a job, and if need be its record, as they are now (both may be
   * changed in place). Nothing happens when either is gone, so a delivery that
   * ends after a purge cannot bring the record or its job back. Returns whether it applied.
   */
  updateJob(id: string, change: (job: DeliveryJob, complaint: Complaint, data: ComplaintData) => void): Promise<boolean> {
    return this.mutate((data) => {
      const job = data.jobs[id];
      const complaint = job && data.complaints[job.code];
      if (!job || !complaint) return false;
      change(job, complaint, data);
      return true;
    });
  }

  async remove(codes: string[]): Promise<void> {
    await this.mutate((data) => removeRecords(data, codes));
  }

  /** Releases the file (tests; the process exiting does the same). */
  close(): Promise<void> {
    return this.file.close();
  }
}

/** Deletes records and their jobs from `data` (call it inside a change). */
export function removeRecords(data: ComplaintData, codes: string[]): void {
  for (const code of codes) {
    delete data.complaints[code];
    for (const job of jobsOf(data, code)) delete data.jobs[job.id];
  }
}
