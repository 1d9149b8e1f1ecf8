/** The part of date-chinese (no bundled types) the working calendar uses. */
declare module 'date-chinese' {
  export class CalendarVietnamese {
    fromGregorian(year: number, month: number, day: number): this;
    get(): [cycle: number, year: number, month: number, leap: boolean, day: number];
    set(cycle: number, year: number, month: number, leap: boolean, day: number): this;
    toGregorian(): { year: number; month: number; day: number };
  }
}
