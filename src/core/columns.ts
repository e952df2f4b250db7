/**
 * Naming a column the way users do: by its header ("Belopp 2018"), case-insensitively, or by
 * the year or range it holds ("2018", "2020-2027" finds "Belopp per år 2020–2027").
 */
import { StatsbidragError } from './errors.js';
import { parseYearRange, sameRange, yearRangeInText } from './schedule.js';

/** A name as compared: NFC (Å may arrive decomposed), trimmed, lower case. */
export const normalizeName = (s: string): string => s.normalize('NFC').trim().toLowerCase();
const norm = (s: string): string => normalizeName(s).replace(/[–—]/g, '-');

/** Index of the header `spec` names, or a StatsbidragError listing the headers there are. */
export function resolveColumn(headers: readonly string[], spec: string, role = 'column'): number {
  const exact = headers.indexOf(spec);
  if (exact >= 0) return exact;
  const loose = headers.findIndex((h) => norm(h) === norm(spec));
  if (loose >= 0) return loose;
  if (/^\s*\d{4}\s*([-–—]\s*\d{4})?\s*$/.test(spec)) {
    const wanted = parseYearRange(spec);
    const hits = headers.flatMap((h, i) => {
      const r = yearRangeInText(h);
      return r && sameRange(r, wanted) ? [i] : [];
    });
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) {
      throw new StatsbidragError(
        'ambiguous-column',
        `${role} "${spec}" matches several columns: ${hits.map((i) => `"${headers[i]}"`).join(', ')}; name one by its header`,
        { field: spec },
        'usage',
      );
    }
  }
  throw new StatsbidragError(
    'unknown-column',
    `no ${role} "${spec}" (columns: ${headers.map((h) => `"${h}"`).join(', ')})`,
    { field: spec },
    'usage',
  );
}

const ID_HEADERS = ['kommun', 'recipient', 'mottagare', 'namn', 'name', 'sökande', 'applicant', 'organisation', 'party', 'parti', 'state'];

/** The recipient column when the user names none: a well-known header, else the first column. */
export function guessIdColumn(headers: readonly string[]): number {
  const i = headers.findIndex((h) => ID_HEADERS.includes(norm(h)));
  return i >= 0 ? i : 0;
}

const CODE_HEADERS = ['kommunkod', 'code', 'kod', 'id'];

export function guessCodeColumn(headers: readonly string[]): number | undefined {
  const i = headers.findIndex((h) => CODE_HEADERS.includes(norm(h)));
  return i >= 0 ? i : undefined;
}
