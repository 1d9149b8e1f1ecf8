/**
 * Working days in Vietnam: Monday to Friday, less public holidays (Tết
 * included), plus any Saturday made a working day. Dates are Vietnam local
 * dates (UTC+7, no daylight saving). Holidays come from a data file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

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
  constructor(
    private readonly holidays: ReadonlySet<string>,
    private readonly workdays: ReadonlySet<string> = new Set(),
  ) {}

  static load(file: string = DEFAULT_HOLIDAYS_PATH): WorkingCalendar {
    // YAML would read 2024-01-01 as a timestamp; the core schema keeps it a string.
    const data = holidayFileSchema.parse(parse(readFileSync(file, 'utf8'), { schema: 'core' }));
    const years = Object.values(data);
    return new WorkingCalendar(new Set(years.flatMap((y) => y.holidays)), new Set(years.flatMap((y) => y.workdays)));
  }

  isWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date);
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
