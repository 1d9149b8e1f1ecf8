/**
 * Holidays of years not yet announced are computed from the Labour Code and
 * the lunar calendar; the rules must reproduce the schedules the Government
 * did announce (bridge days swapped with a Saturday aside, which no rule foresees).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_HOLIDAYS_PATH, WorkingCalendar } from '../src/dossiers/calendar.js';
import { estimatedHolidays, lunarDate } from '../src/dossiers/statutoryHolidays.js';

const file = parse(readFileSync(DEFAULT_HOLIDAYS_PATH, 'utf8'), { schema: 'core' }) as Record<string, { holidays: string[] }>;
const announced = (year: number) => [...file[String(year)]!.holidays].sort();

describe('computed public holidays', () => {
  it('find Tết and Giỗ Tổ from the Vietnamese lunar calendar', () => {
    expect([2024, 2025, 2026, 2027].map((y) => lunarDate(y, 1, 1))).toEqual(['2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06']);
    expect([2024, 2025, 2026, 2027].map((y) => lunarDate(y, 3, 10))).toEqual(['2024-04-18', '2025-04-07', '2026-04-26', '2027-04-16']);
  });

  it.each([
    [2026, []],
    [2025, ['2025-05-02']], // swapped with Saturday 26/04
    [2024, ['2024-04-29']], // swapped with Saturday 04/05
  ])('reproduce the announced schedule of %i, but for its bridge days %j', (year, bridges) => {
    expect(estimatedHolidays(year)).toEqual(announced(year).filter((d) => !bridges.includes(d)));
  });

  it.each([
    [2021, ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16']],
    [2022, ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04']],
    [2023, ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']],
  ])('pick the five Tết days the Government chose in %i', (year, tet) => {
    expect(estimatedHolidays(year).filter((d) => d >= `${year}-01-15` && d <= `${year}-02-28`)).toEqual(tet);
  });

  it('give 2027, not yet announced: Tết around Saturday 6/2, Giỗ Tổ, 1/5 moved off the weekend, 2/9 with Friday 3/9', () => {
    expect(estimatedHolidays(2027)).toEqual([
      '2027-01-01', '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10',
      '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-02', '2027-09-03',
    ]);
  });
});

describe('the working calendar', () => {
  const calendar = WorkingCalendar.load();
  it('uses the computed holidays for a year the file does not list', () => {
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-11')).toBe(true);
    expect(calendar.workingDaysBetween(new Date('2027-02-03T10:00:00+07:00'), new Date('2027-02-12T10:00:00+07:00'))).toBe(2);
  });
  it('names the years within the next 12 months that rely on computed dates (the start-up warning)', () => {
    expect(calendar.estimatedYears(new Date('2026-12-02T10:00:00+07:00'), 365)).toEqual([2027]);
    expect(calendar.estimatedYears(new Date('2026-03-01T10:00:00+07:00'), 200)).toEqual([]);
  });
});
