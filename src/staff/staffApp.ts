/**
 * The staff console's parts, wired from the application's services: accounts
 * and sign-in, sessions, the audit log and the console service. What the
 * routes (routes.ts, browser/pages.ts) need, built once in app.ts.
 */
import type { Catalogue } from '../catalogue/catalogue.js';
import type { ComplaintService } from '../complaints/complaintService.js';
import type { ComplaintStore } from '../complaints/store.js';
import type { AppConfig } from '../config.js';
import type { DossierService } from '../dossiers/dossierService.js';
import type { TextOptions } from '../render/procedureText.js';
import { VerificationGuard } from '../security/verificationGuard.js';
import { StaffAccounts } from './accounts.js';
import { AuditLog } from './auditLog.js';
import { SessionStore } from './sessions.js';
import { SignIn, STAFF_GUARD_FILE } from './signIn.js';
import { StaffAuth } from './staffAuth.js';
import { StaffConsole } from './staffConsole.js';

export interface StaffServices {
  dossiers: DossierService;
  complaints: ComplaintService;
  complaintStore: ComplaintStore;
  catalogue: Catalogue;
  background?: Catalogue;
  textOptions: () => TextOptions;
  kickOutbox: () => void;
  clock: () => Date;
  /** How long a refused sign-in waits before it is answered (tests shorten it). */
  signInDelayMs?: number;
}

export type Staff = Awaited<ReturnType<typeof createStaff>>;

export async function createStaff(config: AppConfig, services: StaffServices) {
  const { clock } = services;
  const accounts = await StaffAccounts.open(config.DATA_DIR, clock);
  const audit = AuditLog.forDataDir(config.DATA_DIR);
  const sessions = new SessionStore({ idleMs: config.STAFF_SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.STAFF_SESSION_MAX_HOURS * 3_600_000 }, clock);
  const signIn = new SignIn(accounts, await VerificationGuard.open(config.DATA_DIR, STAFF_GUARD_FILE, clock), { failureDelayMs: services.signInDelayMs ?? 1000, perAddressPerMinute: config.STAFF_SIGN_INS_PER_MINUTE }, clock);
  const auth = new StaffAuth(sessions, accounts, config.TRUST_PROXY);
  const console = new StaffConsole({ ...services, audit });
  return { accounts, audit, sessions, signIn, auth, console, sessionMaxSeconds: config.STAFF_SESSION_MAX_HOURS * 3600 };
}
