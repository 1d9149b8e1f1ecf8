/**
 * Public holidays of a year whose schedule has not been announced, computed
 * from the Labour Code 2019, art. 112: 1 January; Tết Âm lịch, 5 days; Giỗ Tổ
 * Hùng Vương (10th of the 3rd lunar month); 30 April; 1 May; 2 September and
 * the day before or after it. A holiday falling on a weekend is given on the
 * next working day (art. 112(3)). Lunar dates come from the Vietnamese lunar
 * calendar (UTC+7) of `date-chinese`, which computes new moons with
 * astronomia rather than a table.
 *
 * Which 5 days make Tết, and which day goes with 2 September, the Government
 * decides each year; the rules below reproduce its choices of 2021-2026. Bridge
 * days swapped with a Saturday cannot be foreseen. So these dates are an
 * estimate, used (and warned about at start-up) only until the announced
 * schedule is added to the holidays file.
 */
import { CalendarVietnamese } from 'date-chinese';

const DAY_MS = 86_400_000;
const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

/** The solar date of a day of the lunar year that begins in `year` (Tết always falls between 21 January and 20 February). */
export function lunarDate(year: number, month: number, day: number): string {
  const calendar = new CalendarVietnamese();
  calendar.fromGregorian(year, 3, 1);
  const [cycle, lunarYear] = calendar.get();
  calendar.set(cycle, lunarYear, month, false, day);
  const g = calendar.toGregorian();
  return iso(g.year, g.month, g.day);
}

/**
 * The 5 weekdays nearest the first day of Tết, days after it preferred: a day
 * before costs 1.5 per day of distance, a day after 1 (2024: 29 and 30 Chạp
 * and mùng 3 to 5, mùng 1 and 2 being a weekend; 2025: 28 Chạp to mùng 3).
 */
function tetDays(year: number): string[] {
  const first = lunarDate(year, 1, 1);
  const candidates = Array.from({ length: 21 }, (_, i) => addDays(first, i - 10)).filter((d) => !isWeekend(d));
  const cost = (d: string) => {
    const days = (Date.parse(d) - Date.parse(first)) / DAY_MS;
    return days < 0 ? -days * 1.5 : days;
  };
  return candidates.sort((a, b) => cost(a) - cost(b) || a.localeCompare(b)).slice(0, 5).sort();
}

/** 2 September and its companion: 3 September when that makes a long weekend (2nd on a Monday or Thursday), else 1 September. */
function nationalDay(year: number): string[] {
  const second = iso(year, 9, 2);
  const companion = weekday(second) === 1 || weekday(second) === 4 ? iso(year, 9, 3) : iso(year, 9, 1);
  return [second, companion].sort();
}

export function estimatedHolidays(year: number): string[] {
  const days = new Set(tetDays(year));
  const single = [iso(year, 1, 1), lunarDate(year, 3, 10), iso(year, 4, 30), iso(year, 5, 1), ...nationalDay(year)];
  for (const day of single) days.add(day);
  // A holiday on a weekend moves to the next day that is neither a weekend nor a holiday.
  for (const day of single.filter(isWeekend)) {
    let next = addDays(day, 1);
    while (isWeekend(next) || days.has(next)) next = addDays(next, 1);
    days.add(next);
  }
  return [...days].filter((d) => !isWeekend(d)).sort();
}
