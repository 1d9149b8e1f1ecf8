/**
 * Keystroke to rendered results in the staff console, in Debian's Chromium:
 * each character is typed into the search box and the clock stops when the
 * result list shows that query (its data-query). Includes the driver's round
 * trip, so it is an upper bound of what the operator waits.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function browserKeystrokes(base: string, cookie: string, questions: string[]): Promise<number[] | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/staff`);
    const box = page.locator('#q');
    await box.waitFor();
    const times: number[] = [];
    for (const question of questions) {
      await box.fill('');
      let typed = '';
      for (const char of question) {
        typed += char;
        const started = performance.now();
        await page.keyboard.type(char);
        if (!typed.trim()) continue;
        await page.waitForFunction((q) => (globalThis as unknown as { document: { getElementById(id: string): { dataset: { query?: string } } } }).document.getElementById('results').dataset.query === q, typed);
        times.push(performance.now() - started);
      }
    }
    return times;
  } finally {
    await browser.close();
  }
}
