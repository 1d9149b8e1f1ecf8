/** The last-four-digits guard holds under concurrency, and forgets what has expired. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../src/dossiers/calendar.js';
import { DEMO_CODES } from '../src/dossiers/demo.js';
import { DossierService } from '../src/dossiers/dossierService.js';
import { EmbeddedDossierSource } from '../src/dossiers/embeddedSource.js';
import { MAX_CODES_PER_HOUR, MAX_WRONG_ANSWERS, VerificationGuard } from '../src/security/verificationGuard.js';
import { fixedClock, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('verification guard under concurrency', () => {
  it('300 guesses at once: only 3 are evaluated, and the right digits among the rest disclose nothing', async () => {
    const guard = await VerificationGuard.open(dir, 'guard.json', fixedClock);
    const service = new DossierService(await EmbeddedDossierSource.open(dir, fixedClock), WorkingCalendar.load(), guard, fixedClock);
    const code = DEMO_CODES[0]!;
    // Each guess from its own conversation (so the per-requester limit does not stop them); the right one is 100th.
    const guesses = Array.from({ length: 300 }, (_, i) => service.lookup(code, i === 99 ? '6789' : String(1000 + i), `conv-${i}`));
    const results = await Promise.all(guesses);
    expect(results.filter((r) => r.kind === 'not-verified' || r.kind === 'found').length).toBeLessThanOrEqual(MAX_WRONG_ANSWERS);
    expect(results[99]!.kind).toBe('locked');
    expect(results.some((r) => r.kind === 'found')).toBe(false);
  });

  it('the right answer among the first three still succeeds and clears the count', async () => {
    const guard = await VerificationGuard.open(dir, 'guard.json', fixedClock);
    const service = new DossierService(await EmbeddedDossierSource.open(dir, fixedClock), WorkingCalendar.load(), guard, fixedClock);
    const code = DEMO_CODES[0]!;
    const [wrong, right] = await Promise.all([service.lookup(code, '0000', 'a'), service.lookup(code, '6789', 'b')]);
    expect(wrong.kind).toBe('not-verified');
    expect(right.kind).toBe('found');
    expect(guard.isLocked(code)).toBe(false);
  });

  it('one conversation trying 200 different codes at once gets no more than the hourly limit looked up', async () => {
    const guard = await VerificationGuard.open(dir, 'guard.json', fixedClock);
    const admissions = await Promise.all(Array.from({ length: 200 }, (_, i) => guard.admit(`CODE-${i}`, 'one-conversation')));
    expect(admissions.filter((a) => a === 'ok')).toHaveLength(MAX_CODES_PER_HOUR);
    expect(admissions.filter((a) => a === 'rate-limited')).toHaveLength(200 - MAX_CODES_PER_HOUR);
  });

  it('drops entries once their window has passed, so the file does not grow for ever', async () => {
    let now = new Date('2026-11-24T08:00:00+07:00');
    const guard = await VerificationGuard.open(dir, 'guard.json', () => now);
    for (let i = 0; i < 50; i++) await guard.admit(`CODE-${i}`, `conv-${i}`);
    now = new Date(now.getTime() + 25 * 3_600_000);
    await guard.admit('CODE-new', 'conv-new');
    const stored = JSON.parse(await readFile(path.join(dir, 'guard.json'), 'utf8')) as { failures: object; lookups: object };
    expect(Object.keys(stored.failures)).toEqual(['CODE-new']);
    expect(Object.keys(stored.lookups)).toHaveLength(1);
  });
});
