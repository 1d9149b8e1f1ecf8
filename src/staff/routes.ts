/**
 * The console's JSON API under /api/staff (the pages use it, the tests drive
 * it). Every route needs a session; every change needs the CSRF token; the
 * audit log is for admins only. Bodies are validated with zod: a bad one gets
 * a 400 with a Vietnamese message, never a 5xx.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { clientAddress, exactClientAddress } from '../channels/directline/throttle.js';
import { parseComplaintCode } from '../complaints/complaintService.js';
import { COMPLAINT_STATUSES } from '../complaints/schema.js';
import { parseDossierCode } from '../dossiers/dossierCode.js';
import type { UnansweredLog } from '../guide/unanswered.js';
import type { Messages } from '../messages.js';
import { auditCsv, type AuditLog } from './auditLog.js';
import { feedbackFieldsSchema } from './feedbackFields.js';
import type { SessionStore } from './sessions.js';
import type { SignIn } from './signIn.js';
import { isHttps, sessionCookie, cookie, SESSION_COOKIE, type StaffAuth } from './staffAuth.js';
import { LOOKUP_REASONS, type StaffConsole } from './staffConsole.js';

export interface StaffRouteDeps {
  console: StaffConsole;
  auth: StaffAuth;
  signIn: SignIn;
  sessions: SessionStore;
  audit: AuditLog;
  unanswered: UnansweredLog;
  messages: Messages;
  sessionMaxSeconds: number;
  trustProxy: boolean;
  clock: () => Date;
}

const credentials = z.object({ username: z.string().max(100), password: z.string().max(500) });
const lookup = z.object({ code: z.string().max(100), reason: z.enum(Object.keys(LOOKUP_REASONS) as [keyof typeof LOOKUP_REASONS]) });
const REFUSED = 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.';
const RECENT_HOURS = 6;

export function registerStaffApi(server: Server, deps: StaffRouteDeps): void {
  const { auth, console: staff } = deps;
  const operator = (req: Request, username: string) => ({ username, address: exactClientAddress(req, deps.trustProxy) });

  server.post('/api/staff/session', async (req: Request, res: Response) => {
    const body = credentials.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'Cần tên đăng nhập và mật khẩu.' });
    const result = await deps.signIn.attempt(body.data.username, body.data.password, clientAddress(req, deps.trustProxy));
    if (result.kind === 'rate-limited') return void res.send(429, { error: 'Có quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau.' });
    if (result.kind === 'busy') return void res.send(429, { error: 'Hệ thống đang bận xử lý đăng nhập. Vui lòng thử lại sau vài giây.' });
    if (result.kind === 'refused') return void res.send(401, { error: REFUSED });
    const { token, session } = deps.sessions.create(result.account);
    res.setHeader('set-cookie', sessionCookie(token, deps.sessionMaxSeconds, isHttps(req, deps.trustProxy)));
    res.send(200, { username: session.username, role: session.role, csrfToken: session.csrfToken });
  });

  server.get('/api/staff/session', async (req: Request, res: Response) => {
    const session = await auth.require(req, res);
    if (session) res.send(200, { username: session.username, role: session.role, csrfToken: session.csrfToken });
  });

  server.del('/api/staff/session', async (req: Request, res: Response) => {
    if (!(await auth.require(req, res, { change: true }))) return;
    deps.sessions.end(cookie(req, SESSION_COOKIE));
    res.setHeader('set-cookie', sessionCookie('', 0, isHttps(req, deps.trustProxy)));
    res.send(204);
  });

  server.get('/api/staff/search', async (req: Request, res: Response) => {
    if (!(await auth.require(req, res))) return;
    res.send(200, { results: staff.search(String((req.query as Record<string, unknown>)?.q ?? '')) });
  });

  server.get('/api/staff/procedures/:id', async (req: Request, res: Response) => {
    if (!(await auth.require(req, res))) return;
    const detail = staff.procedure(String(req.params.id ?? ''));
    if (!detail) return void res.send(404, { error: 'Không có thủ tục với mã này.' });
    res.send(200, detail);
  });

  server.post('/api/staff/dossiers/lookup', async (req: Request, res: Response) => {
    const session = await auth.require(req, res, { change: true });
    if (!session) return;
    const body = lookup.safeParse(req.body);
    const code = body.success ? parseDossierCode(body.data.code) : undefined;
    if (!body.success || code?.kind !== 'code') return void res.send(400, { error: 'Cần mã hồ sơ hợp lệ và lý do tra cứu.', reasons: LOOKUP_REASONS });
    const result = await staff.lookupDossier(operator(req, session.username), code.code, body.data.reason);
    if (result.kind === 'unavailable') return void res.send(503, { error: 'Hệ thống hồ sơ một cửa đang không trả lời. Vui lòng thử lại sau ít phút.' });
    if (result.kind === 'not-found') return void res.send(404, { error: `Không tìm thấy hồ sơ ${code.code}.` });
    res.send(200, { dossier: result.view });
  });

  server.post('/api/staff/feedback', async (req: Request, res: Response) => {
    const session = await auth.require(req, res, { change: true });
    if (!session) return;
    const body = feedbackFieldsSchema.safeParse(req.body);
    if (!body.success) {
      const labels: Record<string, string> = { ...deps.messages.feedback.fields, draftId: 'mã bản nháp (draftId, dạng UUID)' };
      const named = [...new Set(body.error.issues.map((i) => labels[String(i.path[0])] ?? String(i.path[0] ?? 'nội dung yêu cầu')))];
      return void res.send(400, { error: `Thiếu hoặc sai: ${named.join(', ')}. Nội dung, họ tên, địa chỉ và số điện thoại là bắt buộc.` });
    }
    const result = await staff.recordFeedback(operator(req, session.username), body.data);
    const problems = deps.messages.feedback.problems;
    switch (result.kind) {
      case 'no-consent':
        return void res.send(400, { error: 'Người phản ánh chưa đồng ý cung cấp thông tin cá nhân: chưa thể ghi nhận.' });
      case 'invalid':
        return void res.send(400, { error: 'Thông tin chưa hợp lệ.', problems: Object.fromEntries(Object.entries(result.problems).map(([f, p]) => [f, problems[p]])) });
      case 'limit':
        return void res.send(429, { error: deps.messages.feedback.limitPhone });
      case 'created':
        return void res.send(201, { code: result.complaint.code, status: COMPLAINT_STATUSES[result.complaint.status], script: deps.messages.script.feedbackCode(result.complaint.code) });
    }
  });

  server.get('/api/staff/feedback/:code', async (req: Request, res: Response) => {
    const session = await auth.require(req, res);
    if (!session) return;
    const code = parseComplaintCode(String(req.params.code ?? ''));
    if (!code) return void res.send(400, { error: 'Mã phản ánh có dạng PAKN-YYMMDD-NNNN.' });
    const complaint = await staff.feedbackStatus(operator(req, session.username), code);
    if (!complaint) return void res.send(404, { error: `Không tìm thấy phản ánh ${code}.` });
    const { status, createdAt, updatedAt, answer, channel, related } = complaint;
    res.send(200, { code, status, statusLabel: COMPLAINT_STATUSES[status], createdAt, updatedAt, answer, channel, related });
  });

  server.get('/api/staff/unanswered', async (req: Request, res: Response) => {
    if (!(await auth.require(req, res))) return;
    const since = deps.clock().getTime() - RECENT_HOURS * 3_600_000;
    res.send(200, { hours: RECENT_HOURS, entries: deps.unanswered.list().filter((e) => Date.parse(e.at) >= since).reverse().slice(0, 200) });
  });

  server.get('/api/staff/audit', async (req: Request, res: Response) => {
    if (!(await auth.require(req, res, { role: 'admin' }))) return;
    const entries = await deps.audit.entries();
    if ((req.query as Record<string, unknown>)?.format !== 'csv') return void res.send(200, { entries });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="staff-audit.csv"');
    res.end(auditCsv(entries));
  });
}
