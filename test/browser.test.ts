/**
 * The web chat in a real browser: Debian's Chromium driven by playwright-core
 * (no browser download). `.ci/run` installs chromium when it is missing.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDeps, type App } from '../src/app.js';
import { createServer } from '../src/server.js';
import { testApp } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';

let app: App;
let cleanup: () => Promise<void>;
let server: Server;
let origin: string;
let portal: http.Server;
let portalUrl: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH`);
  ({ app, cleanup } = await testApp());
  server = createServer(serverDeps(app));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A province portal on another origin that embeds the widget with one script tag.
  portal = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin tỉnh</title></head>
      <body><h1>Cổng thông tin điện tử tỉnh</h1><p>Trang thử nghiệm nhúng trợ lý ảo.</p><script src="${origin}/embed.js"></script></body></html>`);
  });
  await new Promise<void>((r) => portal.listen(0, 'localhost', () => r()));
  portalUrl = `http://localhost:${(portal.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await mkdir(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (portal ? portal.close(() => r()) : r()));
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await cleanup?.();
});

async function ask(scope: Page | Frame, text: string): Promise<void> {
  const input = scope.getByRole('textbox').first();
  await input.fill(text);
  await input.press('Enter');
}

describe('the web chat in Chromium', () => {
  it('answers a question with a card, and a button shows the document list on a phone-width screen', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${origin}/chat`);
    await page.getByText('Xin chào! Tôi là trợ lý ảo').first().waitFor({ timeout: 20_000 });

    await ask(page, 'thủ tục đăng ký kết hôn');
    await page.getByText('Đăng ký kết hôn (mã 1.000894)').first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Giấy tờ cần chuẩn bị' }).last().click();
    await page.getByText('Giấy tờ cần chuẩn bị — Đăng ký kết hôn').first().waitFor({ timeout: 20_000 });
    await page.getByText('Tờ khai đăng ký kết hôn').first().waitFor();

    // Readable on a phone: nothing wider than the screen.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${ARTIFACTS}/webchat-phone.png`, fullPage: false });
    await page.close();
  });

  it('opens from the floating button of a portal that embeds /embed.js, and chats', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(portalUrl);
    await page.getByRole('button', { name: 'Trợ lý dịch vụ công' }).click();
    const frame = page.frameLocator('iframe[title="Trợ lý dịch vụ công"]');
    await frame.getByText('Xin chào! Tôi là trợ lý ảo').first().waitFor({ timeout: 20_000 });
    const input = frame.getByRole('textbox').first();
    await input.fill('đăng ký tạm trú mất bao lâu');
    await input.press('Enter');
    await frame.getByText('Thời gian giải quyết — Đăng ký tạm trú').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${ARTIFACTS}/webchat-embedded.png` });
    await page.close();
  });
});
