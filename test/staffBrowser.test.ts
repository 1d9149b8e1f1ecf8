/**
 * The staff console in a real browser (Debian's Chromium via playwright-core):
 * sign in, type a caller's question letter by letter, open the procedure, copy
 * the script; look a dossier up and see it in the admin's audit view; record a
 * caller's feedback and receive it on a real local SMTP server.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDeps, type App } from '../src/app.js';
import { DEMO_CODES } from '../src/dossiers/demo.js';
import { createServer } from '../src/server.js';
import { testApp } from './helpers.js';
import { startSmtp } from './smtp.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';
const PASSWORD = 'mat-khau-tong-dai-1022';

let app: App;
let cleanup: () => Promise<void>;
let server: Server;
let origin: string;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package or set CHROMIUM_PATH`);
  smtp = await startSmtp();
  ({ app, cleanup } = await testApp({ SMTP_URL: smtp.url, CONTROL_OFFICE_EMAIL: 'kstthc@example.gov.vn' }, { clock: () => new Date(), staffSignInDelayMs: 20 }));
  await app.staff.accounts.add('an', 'staff', PASSWORD);
  await app.staff.accounts.add('quantri', 'admin', PASSWORD);
  server = createServer(serverDeps(app));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'] });
  await mkdir(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await smtp?.close();
  await cleanup?.();
});

async function signedIn(username: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  await page.goto(`${origin}/staff`);
  await page.waitForURL(/\/staff\/sign-in$/);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/staff$/);
  await page.getByText(username, { exact: false }).first().waitFor();
  return page;
}

describe('the staff console in a browser', () => {
  it('refuses a wrong password on the sign-in page, in Vietnamese', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/staff/sign-in`);
    await page.getByLabel('Tên đăng nhập').fill('an');
    await page.getByLabel('Mật khẩu').fill('khong-dung-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').getByText(/Tên đăng nhập hoặc mật khẩu không đúng/).waitFor();
    expect(page.url()).toMatch(/\/staff\/sign-in$/);
    await page.close();
  });

  it('answers as the operator types, opens the procedure with Enter and copies the script with Alt+C', async () => {
    const page = await signedIn('an');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('q');
    await page.keyboard.type('lam giay khai sinh cho con', { delay: 15 });
    await page.locator('#results .result.selected').getByText('Đăng ký khai sinh', { exact: true }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đăng ký khai sinh (mã 1.001193)' }).waitFor();
    await page.getByRole('heading', { name: 'Giấy tờ cần chuẩn bị' }).waitFor();
    const script = (await page.locator('.script-text').textContent())!;
    expect(script).toMatch(/^Dạ, về thủ tục Đăng ký khai sinh:/);
    await page.keyboard.press('Alt+C');
    await page.getByText('Đã sao chép').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(script);
    await page.screenshot({ path: `${ARTIFACTS}/staff-console.png` });
    await page.context().close();
  });

  it('records a lookup that the admin sees in the audit view, and a staff member does not', async () => {
    const page = await signedIn('an');
    await page.locator('#dossier-form').getByLabel('Mã hồ sơ').fill(DEMO_CODES[0]);
    await page.locator('#dossier-form').getByLabel('Lý do tra cứu').selectOption('caller-verified');
    await page.locator('#dossier-form').getByRole('button', { name: 'Tra cứu' }).click();
    await page.locator('#dossier-result').getByText('Tình trạng:', { exact: false }).waitFor();
    expect(await page.locator('#dossier-result').textContent()).toContain('Nguyễn V** M**');
    expect(await page.locator('#audit-panel').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/staff\/sign-in$/);
    await page.context().close();

    const admin = await signedIn('quantri');
    const row = admin.locator('#audit tr').filter({ hasText: DEMO_CODES[0] });
    await row.waitFor();
    expect(await row.textContent()).toContain('caller-verified');
    expect(await row.textContent()).toContain('an');
    await admin.context().close();
  });

  it('records feedback for a caller that reaches the control office by e-mail, marked as from the hotline', async () => {
    const page = await signedIn('an', 390);
    const form = page.locator('#feedback-form');
    await form.getByLabel('Nội dung').fill('Bộ phận một cửa hẹn trả kết quả đăng ký kết hôn đã quá ba ngày mà không có ai báo lý do trễ hẹn.');
    await form.getByLabel('Họ và tên').fill('Lê Thị Mai');
    await form.getByLabel('Địa chỉ').fill('Số 9 đường Hoa Sữa, phường Mẫu, tỉnh Thử');
    await form.getByLabel('Số điện thoại').fill('0987 654 321');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.locator('#feedback-result').getByText(/chưa đồng ý/).waitFor();
    await form.getByLabel('Người gọi đã đồng ý').check();
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    const shown = await page.locator('#feedback-result').getByText(/Mã theo dõi: PAKN-/).textContent();
    const code = /PAKN-\d{6}-\d{4}/.exec(shown!)![0];
    const overflow = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document;
      return d.documentElement.scrollWidth;
    });
    expect(overflow).toBeLessThanOrEqual(390);
    await page.locator('#feedback-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/staff-feedback-phone.png` });
    await expect.poll(() => smtp.mails.find((m) => m.raw.includes(code))?.raw ?? '', { timeout: 10_000 }).toContain('hotline');
    await page.context().close();
  });
});
