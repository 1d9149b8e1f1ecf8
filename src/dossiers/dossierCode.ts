/**
 * Dossier codes as printed on the receipt (Phiếu tiếp nhận và hẹn trả kết quả):
 * `<agency code>-<YYMMDD>-<NNNN>`, e.g. `000.00.15.H57-241120-0007`, where the
 * agency code follows the national agency-code standard (`000.00.15.H57`) or
 * the newer short form (`H56.14`). People type them in lower case, with
 * spaces or dots for dashes, the letter O for zero, inside a sentence.
 */

/** What is wrong with a code that was typed (messages.ts words it for the citizen). */
export type CodeProblem =
  | { kind: 'date'; part: string }
  | { kind: 'sequence'; part: string }
  | { kind: 'separator' }
  | { kind: 'parts' };

export type CodeParse =
  | { kind: 'code'; code: string; agency: string; receivedOn: string; sequence: string }
  | { kind: 'invalid'; problem: CodeProblem }
  | { kind: 'absent' };

const SEP = '[\\s._\\-–/]+';
/** A digit as typed: O and o stand for zero. */
const D = '[0-9oO]';
const LONG_AGENCY = `${D}{3}[.\\s]${D}{2}[.\\s]${D}{2}[.\\s][a-zA-Z]${D}{2}`;
const SHORT_AGENCY = `[a-zA-Z]${D}{2}(?:\\.${D}{1,3}){0,3}`;
const FULL = new RegExp(`(?<![\\p{L}\\p{N}])(${LONG_AGENCY}|${SHORT_AGENCY})${SEP}(${D}{6})${SEP}(${D}{3,6})(?![\\p{L}\\p{N}])`, 'u');
/** Something code-like: an agency-looking part next to a long run of digits. */
const LOOSE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${LONG_AGENCY}|${SHORT_AGENCY})(?:${SEP}[0-9oO]+)+`, 'u');

const zeros = (s: string) => s.replace(/[oO]/g, '0');

function normalizeAgency(raw: string): string {
  return raw
    .split(/[.\s]+/)
    .map((part) => (/^[0-9oO]+$/.test(part) ? zeros(part) : part[0]!.toUpperCase() + zeros(part.slice(1))))
    .join('.');
}

function validDate(yymmdd: string): string | undefined {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  const date = new Date(Date.UTC(2000 + yy, mm - 1, dd));
  if (date.getUTCMonth() !== mm - 1 || date.getUTCDate() !== dd) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Finds and normalises a dossier code in free text, or names precisely what is wrong with it. */
export function parseDossierCode(text: string): CodeParse {
  const match = FULL.exec(text);
  if (match) {
    const agency = normalizeAgency(match[1]!);
    const date = zeros(match[2]!);
    const sequence = zeros(match[3]!);
    const receivedOn = validDate(date);
    if (!receivedOn) {
      return { kind: 'invalid', problem: { kind: 'date', part: date } };
    }
    if (sequence.length !== 4) {
      return { kind: 'invalid', problem: { kind: 'sequence', part: sequence } };
    }
    return { kind: 'code', code: `${agency}-${date}-${sequence}`, agency, receivedOn, sequence };
  }
  const loose = LOOSE.exec(text);
  if (!loose) return { kind: 'absent' };
  const last = zeros(loose[0].split(new RegExp(SEP)).at(-1) ?? '');
  if (/^\d{10}$/.test(last)) {
    return { kind: 'invalid', problem: { kind: 'separator' } };
  }
  return { kind: 'invalid', problem: { kind: 'parts' } };
}
