/**
 * Whether JSON text nests objects/arrays deeper than `max`, in one linear
 * pass and without parsing (JSON.parse of 20,000 levels would recurse, and
 * whatever walks the result afterwards would too). Brackets inside strings
 * are skipped; malformed text is left for JSON.parse to reject.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}
