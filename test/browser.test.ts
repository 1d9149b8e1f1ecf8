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
import { DEMO_CODES, DEMO_PHONE_LAST4 } from '../src/dossiers/demo.js';

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

interface DomRect { top: number; right: number }
interface DomNode { textContent: string | null; getBoundingClientRect(): DomRect }
interface DomDocument {
  createTreeWalker(root: DomNode, what: number): { nextNode(): DomNode | null };
  createRange(): { setStart(n: DomNode, o: number): void; setEnd(n: DomNode, o: number): void; getBoundingClientRect(): DomRect };
}

/**
 * Each text starts on a line below the previous one inside the last Adaptive
 * Card (a list, not a paragraph run together), and nothing overflows the
 * 390 px screen. Positions are taken in one snapshot, relative to the card,
 * so Web Chat's scrolling cannot skew them.
 */
async function expectStacked(page: Page, texts: string[]): Promise<void> {
  const card = page.locator('.ac-adaptiveCard').last();
  await card.getByText(texts[texts.length - 1]!).first().waitFor({ timeout: 20_000 });
  // Runs in the page; typed loosely as the project compiles without the DOM library.
  const boxes = await card.evaluate((root: DomNode, wanted: string[]) => {
    const document = (globalThis as unknown as { document: DomDocument }).document;
    const top = root.getBoundingClientRect().top;
    const nodes: DomNode[] = [];
    const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    const lower = (s: string) => s.toLocaleLowerCase('vi');
    return wanted.map((text) => {
      // A label is a text node of its own ("Lệ phí" or "Lệ phí:"); prefer it to the same words inside a value.
      const exact = nodes.filter((n) => lower((n.textContent ?? '').trim().replace(/:$/, '')) === lower(text));
      for (const node of [...exact, ...nodes]) {
        const at = lower(node.textContent ?? '').indexOf(lower(text));
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const r = range.getBoundingClientRect();
        return { y: r.top - top, right: r.right };
      }
      return null;
    });
  }, texts);
  boxes.forEach((b, i) => expect(b, `"${texts[i]}" shown in the card`).not.toBeNull());
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y, `"${texts[i]}" below "${texts[i - 1]}"`).toBeGreaterThan(boxes[i - 1]!.y + 4);
  for (const b of boxes) expect(b!.right).toBeLessThanOrEqual(390);
}

async function noSideScroll(page: Page): Promise<void> {
  expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
}

describe('the four kinds of structured answer at 390 px', () => {
  it('procedure summary, document list, dossier status and feedback read-back are lists a citizen can read', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${origin}/chat`);
    await page.getByText('Xin chào! Tôi là trợ lý ảo').first().waitFor({ timeout: 20_000 });

    await ask(page, 'thủ tục đăng ký kết hôn');
    await expectStacked(page, ['Cơ quan giải quyết', 'Nơi nộp', 'Thời gian', 'Lệ phí', 'Nộp trực tuyến', 'Bưu điện']);
    await noSideScroll(page);
    await page.screenshot({ path: `${ARTIFACTS}/answer-procedure.png` });

    await page.getByRole('button', { name: 'Giấy tờ cần chuẩn bị' }).last().click();
    await page.getByText('Giấy tờ cần chuẩn bị — Đăng ký kết hôn').first().waitFor({ timeout: 20_000 });
    // Documents are list items, one under another, not a paragraph.
    const bubble = page.locator('.webchat__bubble__content', { hasText: 'Giấy tờ cần chuẩn bị — Đăng ký kết hôn' }).last();
    await bubble.locator('li', { hasText: 'Tờ khai đăng ký kết hôn' }).first().waitFor();
    const tops = await bubble.locator('li').evaluateAll((items: DomNode[]) => items.map((li) => li.getBoundingClientRect().top));
    expect(tops.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThan(tops[i - 1]!);
    await noSideScroll(page);
    await page.screenshot({ path: `${ARTIFACTS}/answer-documents.png` });

    await ask(page, `tra cứu hồ sơ ${DEMO_CODES[2]}`);
    await page.getByText('4 số cuối').last().waitFor({ timeout: 20_000 });
    await ask(page, DEMO_PHONE_LAST4);
    await expectStacked(page, ['Người nộp', 'Cơ quan tiếp nhận', 'Ngày tiếp nhận', 'Ngày hẹn trả kết quả', 'quá hạn 3 ngày làm việc']);
    await noSideScroll(page);
    await page.screenshot({ path: `${ARTIFACTS}/answer-dossier.png` });

    for (const [say, next] of [
      ['tôi muốn phản ánh', 'mô tả nội dung phản ánh'],
      // Asked right after the dossier answer: the feedback is about that dossier, so no "which procedure" question.
      ['Cán bộ một cửa yêu cầu nộp thêm bản sao sổ hộ khẩu dù thủ tục không cần giấy này.', 'đồng ý'],
      ['đồng ý', 'Họ và tên'],
      ['nguyễn văn an', 'Địa chỉ'],
      ['Số 12 ngõ 5, phường Mẫu, tỉnh Thử', 'Số điện thoại'],
      ['0912 345 678', 'Email'],
    ] as const) {
      await ask(page, say);
      await page.getByText(next).last().waitFor({ timeout: 20_000 });
    }
    await ask(page, 'không');
    await expectStacked(page, ['Nội dung', DEMO_CODES[2], 'Nguyễn Văn An', 'Số 12 ngõ 5', '0912345678']);
    await page.getByRole('button', { name: 'Gửi phản ánh' }).last().waitFor();
    await noSideScroll(page);
    await page.screenshot({ path: `${ARTIFACTS}/answer-feedback-review.png` });
    await page.close();
  });
});

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
