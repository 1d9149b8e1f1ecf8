/** Dates as Vietnamese readers write them. */

/** "2026-11-24" → "24/11/2026". */
export function vietnameseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
