/**
 * The console page's script, served from our own origin (no CDN, no build
 * step): plain DOM code over the /api/staff JSON API. Keyboard first: the
 * search box has focus on load, ↑/↓ and Enter pick a result, Alt+C copies the
 * script. Results render from what the API returns with textContent only.
 */
export const CONSOLE_SCRIPT = String.raw`
'use strict';
const $ = (id) => document.getElementById(id);
let csrf = '';
let results = [];
let selected = -1;
let searchAbort = null;

/** A v4 UUID; crypto.randomUUID exists only on HTTPS or localhost, getRandomValues everywhere. */
function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

async function api(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', signal: method === 'GET' && path.startsWith('/api/staff/search') ? searchAbort.signal : undefined });
  if (res.status === 401) { location.href = '/staff/sign-in'; throw new Error('signed out'); }
  const data = res.status === 204 ? {} : await res.json();
  return { status: res.status, data };
}

function renderResults() {
  const list = $('results');
  list.replaceChildren();
  results.forEach((r, i) => {
    const item = el('li', undefined, i === selected ? 'result selected' : 'result');
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', String(i === selected));
    item.append(el('span', r.code || 'địa phương', 'code'), el('span', r.name, 'name'), el('span', r.levels.join(', ') + ' · ' + r.field + (r.source === 'catalogue' ? ' · CSDL quốc gia' : ''), 'meta'));
    item.addEventListener('click', () => { selected = i; renderResults(); open(r.id); });
    list.append(item);
  });
  $('empty').hidden = results.length > 0 || !$('q').value.trim();
}

async function search() {
  const q = $('q').value;
  if (searchAbort) searchAbort.abort();
  searchAbort = new AbortController();
  if (!q.trim()) { results = []; selected = -1; renderResults(); return; }
  try {
    const { data } = await api('GET', '/api/staff/search?q=' + encodeURIComponent(q));
    results = data.results || [];
    selected = results.length ? 0 : -1;
    renderResults();
    // Which query the list shows (the latency benchmark waits for it).
    $('results').dataset.query = q;
  } catch (e) { if (e.name !== 'AbortError') throw e; }
}

async function open(id) {
  const { status, data } = await api('GET', '/api/staff/procedures/' + encodeURIComponent(id));
  const pane = $('procedure');
  pane.replaceChildren();
  if (status !== 200) { pane.append(el('p', data.error)); return; }
  pane.append(el('h2', data.title));
  const facts = [data.levels.join(', '), data.field, data.source === 'catalogue' ? 'Chưa có hướng dẫn chi tiết riêng: theo CSDL quốc gia' : 'Hướng dẫn đã kiểm tra' + (data.lastVerified ? ' ngày ' + data.lastVerified : '')];
  pane.append(el('p', facts.join(' · '), 'meta'));
  const script = el('section', undefined, 'script');
  script.append(el('h3', 'Lời đọc cho người gọi'), el('pre', data.script, 'script-text'));
  const copy = el('button', 'Sao chép lời đọc (Alt+C)');
  copy.id = 'copy';
  copy.addEventListener('click', () => copyScript(data.script));
  script.append(copy, el('span', '', 'copied'));
  pane.append(script);
  for (const s of data.sections) {
    const sec = el('section');
    sec.append(el('h3', s.label), el('pre', s.text));
    pane.append(sec);
  }
  if (data.sourceUrl && /^https?:\/\//i.test(data.sourceUrl)) { const a = el('a', 'Trang thủ tục trên Cổng Dịch vụ công'); a.href = data.sourceUrl; a.target = '_blank'; a.rel = 'noopener'; pane.append(a); }
}

async function copyScript(text) {
  const status = document.querySelector('.copied');
  try { await navigator.clipboard.writeText(text); }
  catch { const t = el('textarea'); t.value = text; document.body.append(t); t.select(); document.execCommand('copy'); t.remove(); }
  status.textContent = 'Đã sao chép';
}

function formData(form) {
  const out = {};
  for (const [k, v] of new FormData(form)) out[k] = v;
  return out;
}

function show(target, lines, ok) {
  const box = $(target);
  box.replaceChildren(...lines.filter(Boolean).map((l) => el('p', l)));
  box.className = 'outcome ' + (ok ? 'ok' : 'problem');
}

async function lookupDossier(ev) {
  ev.preventDefault();
  const { status, data } = await api('POST', '/api/staff/dossiers/lookup', formData(ev.target));
  if (status !== 200) return show('dossier-result', [data.error], false);
  const d = data.dossier;
  show('dossier-result', [d.code + ' — ' + d.procedureName, 'Người nộp: ' + d.maskedName, 'Tình trạng: ' + d.statusLabel + (d.statusNote ? ' (' + d.statusNote + ')' : ''),
    'Cơ quan: ' + d.agency, d.dueAt ? 'Hẹn trả: ' + new Date(d.dueAt).toLocaleString('vi-VN') : '', d.workingDaysLate ? 'Trễ hẹn ' + d.workingDaysLate + ' ngày làm việc' : '',
    d.missingDocuments.length ? 'Cần bổ sung: ' + d.missingDocuments.join('; ') : ''], true);
}

async function recordFeedback(ev) {
  ev.preventDefault();
  const body = formData(ev.target);
  body.consent = ev.target.elements.consent.checked;
  body.draftId = ev.target.dataset.draftId;
  const { status, data } = await api('POST', '/api/staff/feedback', body);
  if (status !== 201) return show('feedback-result', [data.error, ...Object.values(data.problems || {})], false);
  show('feedback-result', ['Mã theo dõi: ' + data.code, 'Đọc cho người gọi: ' + data.script], true);
  ev.target.reset();
  ev.target.dataset.draftId = uuid();
}

async function feedbackStatus(ev) {
  ev.preventDefault();
  const code = formData(ev.target).code;
  const { status, data } = await api('GET', '/api/staff/feedback/' + encodeURIComponent(code));
  if (status !== 200) return show('status-result', [data.error], false);
  show('status-result', [data.code + ': ' + data.statusLabel, 'Tiếp nhận: ' + new Date(data.createdAt).toLocaleString('vi-VN') + ' qua ' + data.channel, data.answer ? 'Trả lời: ' + data.answer : ''], true);
}

async function loadRecent() {
  const { data } = await api('GET', '/api/staff/unanswered');
  const list = $('recent');
  list.replaceChildren(...data.entries.map((e) => el('li', new Date(e.at).toLocaleTimeString('vi-VN') + ' · ' + e.channel + ' · ' + e.text)));
  if (!data.entries.length) list.append(el('li', 'Không có câu hỏi nào chưa trả lời được trong ' + data.hours + ' giờ qua.'));
}

async function loadAudit() {
  const { status, data } = await api('GET', '/api/staff/audit');
  if (status !== 200) return;
  $('audit-panel').hidden = false;
  const rows = data.entries.map((e) => {
    const tr = el('tr');
    for (const v of [new Date(e.at).toLocaleString('vi-VN'), e.username, e.action, e.code, e.reason, e.address]) tr.append(el('td', v));
    return tr;
  });
  $('audit').replaceChildren(...rows);
}

document.addEventListener('keydown', (ev) => {
  if (ev.altKey && (ev.key === 'c' || ev.key === 'C')) { const b = $('copy'); if (b) { ev.preventDefault(); b.click(); } }
});

async function start() {
  const { data } = await api('GET', '/api/staff/session');
  csrf = data.csrfToken;
  $('who').textContent = data.username + (data.role === 'admin' ? ' (quản trị)' : '');
  $('q').addEventListener('input', search);
  $('q').addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && results.length) { ev.preventDefault(); selected = (selected + 1) % results.length; renderResults(); }
    else if (ev.key === 'ArrowUp' && results.length) { ev.preventDefault(); selected = (selected - 1 + results.length) % results.length; renderResults(); }
    else if (ev.key === 'Enter' && selected >= 0) { ev.preventDefault(); open(results[selected].id); }
  });
  $('dossier-form').addEventListener('submit', lookupDossier);
  const fb = $('feedback-form');
  fb.dataset.draftId = uuid();
  fb.addEventListener('submit', recordFeedback);
  $('status-form').addEventListener('submit', feedbackStatus);
  $('sign-out').addEventListener('click', async () => { await api('DELETE', '/api/staff/session'); location.href = '/staff/sign-in'; });
  $('q').focus();
  await Promise.all([loadRecent(), data.role === 'admin' ? loadAudit() : null]);
}
start();
`;

export const SIGN_IN_SCRIPT = String.raw`
'use strict';
document.getElementById('sign-in').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = ev.target;
  const message = document.getElementById('message');
  message.textContent = 'Đang đăng nhập…';
  const res = await fetch('/api/staff/session', { method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'same-origin',
    body: JSON.stringify({ username: form.elements.username.value, password: form.elements.password.value }) });
  if (res.ok) { location.href = '/staff'; return; }
  message.textContent = (await res.json()).error;
  form.elements.password.value = '';
  form.elements.password.focus();
});
`;
