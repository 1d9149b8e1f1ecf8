/**
 * Working days in Vietnam: Monday to Friday, less public holidays (Tết
 * included), plus any Saturday made a working day. Dates are Vietnam local
 * dates (UTC+7, no daylight saving). Holidays come from a data file of
 * announced schedules; a year the file does not list is computed from the
 * Labour Code and the lunar calendar (statutoryHolidays.ts), an estimate the
 * application warns about at start-up.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { estimatedHolidays } from './statutoryHolidays.js';

export const DEFAULT_HOLIDAYS_PATH = fileURLToPath(new URL('./holidays.yaml', import.meta.url));
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const isoDate = z.iso.date();
const holidayFileSchema = z.record(
  z.string().regex(/^\d{4}$/),
  z.object({ holidays: z.array(isoDate).default([]), workdays: z.array(isoDate).default([]) }),
);

/** The Vietnam local date of an instant, as YYYY-MM-DD. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export class WorkingCalendar {
  private readonly estimated = new Map<number, ReadonlySet<string>>();

  /** `announced`: the years whose schedule is known; the holidays of any other year are estimated. */
  constructor(
    private readonly holidays: ReadonlySet<string>,
    private readonly workdays: ReadonlySet<string> = new Set(),
    private readonly announced: ReadonlySet<number> = new Set([...holidays].map((d) => Number(d.slice(0, 4)))),
  ) {}

  static load(file: string = DEFAULT_HOLIDAYS_PATH): WorkingCalendar {
    // YAML would read 2024-01-01 as a timestamp; the core schema keeps it a string.
    const data = holidayFileSchema.parse(parse(readFileSync(file, 'utf8'), { schema: 'core' }));
    const years = Object.values(data);
    return new WorkingCalendar(
      new Set(years.flatMap((y) => y.holidays)),
      new Set(years.flatMap((y) => y.workdays)),
      new Set(Object.keys(data).map(Number)),
    );
  }

  isWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidaysOf(Number(date.slice(0, 4))).has(date);
  }

  /** Years from `from` to `days` later whose holidays are computed, not announced: the start-up warning. */
  estimatedYears(from: Date, days: number): number[] {
    const first = Number(vietnamDate(from).slice(0, 4));
    const last = Number(vietnamDate(new Date(from.getTime() + days * DAY_MS)).slice(0, 4));
    return Array.from({ length: last - first + 1 }, (_, i) => first + i).filter((y) => !this.announced.has(y));
  }

  private holidaysOf(year: number): ReadonlySet<string> {
    if (this.announced.has(year)) return this.holidays;
    let days = this.estimated.get(year);
    if (!days) this.estimated.set(year, (days = new Set(estimatedHolidays(year))));
    return days;
  }

  /** Working days after `from`'s date up to and including `to`'s date (0 when `to` is not later). */
  workingDaysBetween(from: Date, to: Date): number {
    const end = vietnamDate(to);
    let day = vietnamDate(from);
    let count = 0;
    while (day < end) {
      day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }
}
