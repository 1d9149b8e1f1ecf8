/**
 * Feedback records and their delivery jobs in one lowdb file, so that a record
 * and its jobs are written together (temp file, fsync, rename): a crash right
 * after the citizen is told "received" loses nothing, and a restart resumes
 * the pending deliveries.
 */
import path from 'node:path';
import type { Low } from 'lowdb';
import { openDatabase } from '../storage/durableFile.js';
import type { Complaint, DeliveryJob } from './schema.js';

export const COMPLAINTS_FILE = 'complaints.json';

interface Data {
  complaints: Record<string, Complaint>;
  jobs: Record<string, DeliveryJob>;
  /** Vietnam date (YYMMDD) → last sequence number used in tracking codes. */
  sequences: Record<string, number>;
}

export class ComplaintStore {
  private constructor(private readonly db: Low<Data>) {}

  static async open(dataDir: string): Promise<ComplaintStore> {
    return new ComplaintStore(await openDatabase<Data>(path.join(dataDir, COMPLAINTS_FILE), { complaints: {}, jobs: {}, sequences: {} }));
  }

  get(code: string): Complaint | undefined {
    return this.db.data.complaints[code];
  }

  all(): Complaint[] {
    return Object.values(this.db.data.complaints);
  }

  byDraft(draftId: string): Complaint | undefined {
    return this.all().find((c) => c.draftId === draftId);
  }

  nextCode(yymmdd: string): string {
    const n = (this.db.data.sequences[yymmdd] ?? 0) + 1;
    this.db.data.sequences[yymmdd] = n;
    return `PAKN-${yymmdd}-${String(n).padStart(4, '0')}`;
  }

  /** The record and its jobs, in one durable write. */
  async create(complaint: Complaint, jobs: DeliveryJob[]): Promise<void> {
    this.db.data.complaints[complaint.code] = complaint;
    for (const job of jobs) this.db.data.jobs[job.id] = job;
    await this.db.write();
  }

  async update(code: string, change: Partial<Complaint>): Promise<Complaint | undefined> {
    const current = this.db.data.complaints[code];
    if (!current) return undefined;
    const next = { ...current, ...change };
    this.db.data.complaints[code] = next;
    await this.db.write();
    return next;
  }

  jobs(): DeliveryJob[] {
    return Object.values(this.db.data.jobs);
  }

  jobsFor(code: string): DeliveryJob[] {
    return this.jobs().filter((j) => j.code === code);
  }

  async saveJob(job: DeliveryJob): Promise<void> {
    this.db.data.jobs[job.id] = job;
    await this.db.write();
  }

  async remove(codes: string[]): Promise<void> {
    for (const code of codes) {
      delete this.db.data.complaints[code];
      for (const job of this.jobsFor(code)) delete this.db.data.jobs[job.id];
    }
    await this.db.write();
  }

  /** Re-reads the file (after another process, such as the CLI, changed it). */
  async reload(): Promise<void> {
    await this.db.read();
  }
}
