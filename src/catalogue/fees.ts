/**
 * The fee in force on a given day. Dated values come from the entry (a
 * reduction with an end date, the amount after it) and, for fees a
 * provincial People's Council sets, from the province profile. Past the
 * last known end date the answer is "not known", never the expired amount.
 */
import type { FeeValue } from './schema.js';

export type FeeInForce =
  | {
      kind: 'amount'; value: string; until?: string; source?: string; provincial: boolean;
      /** With a province's amount: the entry's own text (who sets it, what else is paid and to whom), still true. */
      general?: string;
    }
  /** Every known value ended before `day`: the amount now is not known. */
  | { kind: 'ended'; since: string };

/** `day` is a Vietnamese calendar date, "YYYY-MM-DD". */
export function feeOn(values: readonly FeeValue[], day: string, provincial?: readonly FeeValue[]): FeeInForce | undefined {
  const fromProfile = values.some((v) => v.setBy === 'province') && !!provincial && provincial.length > 0;
  const own = fromProfile ? provincial : values;
  const inForce = (v: FeeValue) => (!v.from || v.from <= day) && (!v.until || day <= v.until);
  const current = own.find(inForce);
  const general = fromProfile ? values.find((v) => v.setBy === 'province' && inForce(v))?.value : undefined;
  if (current) return { kind: 'amount', value: current.value, until: current.until, source: current.source, provincial: fromProfile, general };
  const ended = own.filter((v) => v.until && v.until < day).map((v) => v.until!).sort();
  return ended.length > 0 ? { kind: 'ended', since: nextDay(ended[ended.length - 1]!) } : undefined;
}

function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
