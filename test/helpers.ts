/** Shared test wiring: a real app on a temporary data folder with a fixed clock. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { createApp, type AppOverrides } from '../src/app.js';
import { Catalogue } from '../src/catalogue/catalogue.js';
import { parseConfig } from '../src/config.js';

export const FIXED_NOW = new Date('2026-11-24T08:00:00+07:00');
export const fixedClock = () => FIXED_NOW;

let bundled: Promise<Catalogue> | undefined;
/** The bundled knowledge/ folder, loaded once per test file. */
export function bundledCatalogue(): Promise<Catalogue> {
  return (bundled ??= Catalogue.load(['knowledge']));
}

export async function tempDir(prefix = 'assistant-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function testApp(env: Record<string, string> = {}, overrides: AppOverrides = {}) {
  const { dir, cleanup } = await tempDir();
  const config = parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', HOTLINE: '1900 1234', ...env });
  const app = await createApp(config, { clock: fixedClock, catalogue: await bundledCatalogue(), ...overrides });
  return { app, dir, cleanup };
}

/** Everything a reply shows a citizen: text, card text and button titles. */
export function visibleText(activity: Partial<Activity> | undefined): string {
  if (!activity) return '';
  const parts = [activity.text ?? ''];
  for (const a of activity.attachments ?? []) {
    if (a.contentType === 'application/vnd.microsoft.card.adaptive') {
      parts.push(...adaptiveCardText(a.content as { body?: CardElement[] }));
      continue;
    }
    const c = a.content as { title?: string; text?: string; buttons?: Array<{ title: string }> };
    parts.push(c.title ?? '', c.text ?? '', ...(c.buttons ?? []).map((b) => b.title));
  }
  parts.push(...(activity.suggestedActions?.actions ?? []).map((a) => a.title));
  return parts.filter(Boolean).join('\n');
}

interface CardElement { type: string; text?: string; facts?: Array<{ title: string; value: string }>; items?: CardElement[] }

/** What an Adaptive Card shows: its TextBlocks and "label: value" of its FactSets, unescaped. */
function adaptiveCardText(card: { body?: CardElement[] }): string[] {
  const unescape = (s: string) => s.replace(/\\([\\*_`[\]().+-])/g, '$1');
  return (card.body ?? []).flatMap((e): string[] => {
    if (e.type === 'TextBlock') return [unescape((e.text ?? '').replace(/\*\*(?=\S)(.+?)\*\*/g, '$1'))];
    if (e.type === 'FactSet') return (e.facts ?? []).map((f) => `${unescape(f.title)}: ${unescape(f.value)}`);
    return adaptiveCardText({ body: e.items ?? [] });
  });
}

export function buttons(activity: Partial<Activity> | undefined): Array<{ title: string; value: string }> {
  const fromCards = (activity?.attachments ?? []).flatMap((a) => (a.content as { buttons?: Array<{ title: string; value: string }> }).buttons ?? []);
  const suggested = (activity?.suggestedActions?.actions ?? []).map((a) => ({ title: a.title, value: String(a.value) }));
  return [...fromCards, ...suggested];
}
