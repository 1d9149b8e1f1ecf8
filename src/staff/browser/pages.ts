/**
 * The console's pages under /staff: sign-in, and one console page (search and
 * procedure, dossier lookup, feedback, recent unanswered questions, and the
 * audit log for admins). Server-rendered HTML with a little script from our
 * own origin; a strict Content-Security-Policy (no inline script, no frames).
 * Without a session, /staff and its script redirect to the sign-in page.
 */
import type { Request, Response, Server } from 'restify';
import type { StaffAuth } from '../staffAuth.js';
import { LOOKUP_REASONS } from '../staffConsole.js';
import { CONSOLE_SCRIPT, SIGN_IN_SCRIPT } from './consoleScript.js';
import { STYLE } from './style.js';

export interface StaffPageDeps {
  auth: StaffAuth;
  /** The consent sentence the operator reads before taking personal data. */
  consent: string;
  title: string;
}

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function registerStaffPages(server: Server, deps: StaffPageDeps): void {
  const page = (res: Response, html: string) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(html);
  };
  const asset = (res: Response, type: string, body: string) => {
    res.setHeader('content-type', `${type}; charset=utf-8`);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(body);
  };
  const toSignIn = (res: Response) => {
    res.setHeader('location', '/staff/sign-in');
    res.send(302);
  };

  server.get('/staff/sign-in', async (_req: Request, res: Response) => page(res, signInPage(deps.title)));
  server.get('/staff/sign-in.js', async (_req: Request, res: Response) => asset(res, 'text/javascript', SIGN_IN_SCRIPT));
  server.get('/staff/style.css', async (_req: Request, res: Response) => asset(res, 'text/css', STYLE));
  server.get('/staff', async (req: Request, res: Response) => ((await deps.auth.session(req)) ? page(res, consolePage(deps)) : toSignIn(res)));
  server.get('/staff/console.js', async (req: Request, res: Response) => ((await deps.auth.session(req)) ? asset(res, 'text/javascript', CONSOLE_SCRIPT) : toSignIn(res)));
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const shell = (title: string, body: string, script: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><link rel="stylesheet" href="/staff/style.css"></head>
<body>${body}<script src="${script}"></script></body></html>`;

function signInPage(title: string): string {
  return shell(`Đăng nhập — ${title}`, `
<main class="sign-in"><h1>${escape(title)}</h1><p>Bàn làm việc của cán bộ tổng đài và bộ phận một cửa</p>
<form id="sign-in"><label>Tên đăng nhập <input name="username" autocomplete="username" required autofocus></label>
<label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Đăng nhập</button><p id="message" role="alert"></p></form></main>`, '/staff/sign-in.js');
}

function consolePage(deps: StaffPageDeps): string {
  const reasons = Object.entries(LOOKUP_REASONS).map(([k, v]) => `<option value="${k}">${escape(v)}</option>`).join('');
  const input = (name: string, label: string, extra = '') => `<label>${label} <input name="${name}" ${extra}></label>`;
  return shell(deps.title, `
<header><strong>${escape(deps.title)}</strong><span id="who"></span><button id="sign-out" type="button">Đăng xuất</button></header>
<main class="console">
<section class="search"><label for="q">Tra cứu thủ tục</label>
<input id="q" type="search" autocomplete="off" placeholder="Gõ câu hỏi của người gọi, ví dụ: làm lại căn cước" aria-controls="results">
<ol id="results" role="listbox"></ol><p id="empty" hidden>Không tìm thấy thủ tục phù hợp. Thử gõ tên thủ tục hoặc từ khóa khác.</p>
<h2>Câu hỏi trợ lý chưa trả lời được (gần đây)</h2><ul id="recent" class="recent"></ul></section>
<article id="procedure" class="procedure" aria-live="polite"><p class="hint">Chọn một thủ tục (↑/↓ rồi Enter) để xem đầy đủ và lời đọc cho người gọi.</p></article>
<aside class="tools">
<form id="dossier-form"><h2>Tra cứu hồ sơ cho người gọi</h2>${input('code', 'Mã hồ sơ', 'required')}
<label>Lý do tra cứu <select name="reason" required>${reasons}</select></label><button type="submit">Tra cứu</button>
<p class="note">Mỗi lần tra cứu được ghi vào nhật ký (người tra, thời điểm, mã, lý do).</p></form><div id="dossier-result" class="outcome"></div>
<form id="feedback-form"><h2>Ghi nhận phản ánh, kiến nghị</h2>
<label>Nội dung <textarea name="content" rows="4" required></textarea></label>${input('related', 'Thủ tục / hồ sơ liên quan')}
<p class="consent">Đọc cho người gọi: “${escape(deps.consent)}”</p><label class="check"><input type="checkbox" name="consent"> Người gọi đã đồng ý</label>
${input('name', 'Họ và tên', 'required')}${input('address', 'Địa chỉ', 'required')}${input('phone', 'Số điện thoại', 'required inputmode="tel"')}${input('email', 'Email (nếu có)', 'type="email"')}
<button type="submit">Ghi nhận</button></form><div id="feedback-result" class="outcome"></div>
<form id="status-form"><h2>Tình trạng phản ánh</h2>${input('code', 'Mã theo dõi', 'required placeholder="PAKN-…"')}<button type="submit">Xem</button></form><div id="status-result" class="outcome"></div>
<section id="audit-panel" hidden><h2>Nhật ký tra cứu</h2><p><a href="/api/staff/audit?format=csv">Tải CSV</a></p>
<table><thead><tr><th>Thời điểm</th><th>Cán bộ</th><th>Việc</th><th>Mã</th><th>Lý do</th><th>Địa chỉ</th></tr></thead><tbody id="audit"></tbody></table></section>
</aside></main>`, '/staff/console.js');
}
