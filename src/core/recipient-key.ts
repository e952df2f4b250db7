/**
 * The one identity of a recipient: two names with the same key are the same recipient, in every
 * command (matching a table against a list, duplicates, compare's rows, scenarios). The key is
 * the name in Unicode NFC, with zero-width characters (U+200B–U+200D, U+2060, U+FEFF, the soft
 * hyphen U+00AD) removed, surrounding whitespace of any kind (no-break spaces U+00A0, U+202F,
 * U+2007 too) trimmed, runs of inner whitespace as one space, case-folded (upper then lower
 * case: "Straße" and "STRASSE" agree, as full case folding has it), and without a footnote
 * marker at its end ("Göteborg*", "Malmö 1)", "Malmö²": FOOTNOTE).
 */

import { StatsbidragError } from './errors.js';

/** Zero-width characters a copied name may carry invisibly. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Any whitespace, the no-break kinds included (JavaScript's \s covers U+00A0, U+2007, U+202F). */
const SPACES = /\s+/g;
/**
 * Printable ASCII and the Latin-1 letters whose upper and lower case are one letter each (À–Ö, Ø–Þ,
 * à–ö, ø–þ: Swedish names; not ß, ÿ, µ or a no-break space): already NFC, nothing to remove, no
 * space but " "; the key is the trimmed text with single inner spaces, lower-cased.
 */
const PLAIN = /^[\x20-\x7e\u00c0-\u00d6\u00d8-\u00de\u00e0-\u00f6\u00f8-\u00fe]*$/;

/**
 * A footnote marker at the end of a name, with the spaces before it: "Göteborg*", "Malmö 1)",
 * "Malmö (1)", "Malmö²" are Göteborg and Malmö, as a published table marks a row with a note
 * below it. One to three asterisks, one or two superscript digits, or one or two digits closed by
 * ")" (opened by "(" or not). core/key-bytes.ts keyEnd is the same rule on a name's bytes.
 */
const FOOTNOTE = /\s*(?:\*{1,3}|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,2}|\(?\d{1,2}\))$/u;
/** Whether a key may end in a footnote marker: its last character is one's. */
const mayEndInFootnote = (key: string): boolean => {
  const c = key.charCodeAt(key.length - 1);
  return c === 0x2a || c === 0x29 || c === 0xb9 || c === 0xb2 || c === 0xb3 || (c >= 0x2070 && c <= 0x2079);
};

export function recipientKey(name: string): string {
  let key: string;
  if (PLAIN.test(name)) {
    const t = name.trim();
    key = (t.includes('  ') ? t.replace(/ {2,}/g, ' ') : t).toLowerCase();
  } else {
    const text = name.replace(ZERO_WIDTH, '').normalize('NFC').replace(SPACES, ' ').trim();
    key = text.toUpperCase().toLowerCase().normalize('NFC');
  }
  return mayEndInFootnote(key) ? key.replace(FOOTNOTE, '') : key;
}

/**
 * The one identity of a recipient's code (compare's match, a table's repeated code): the code
 * trimmed, and a code of digits alone without its leading zeros. A spreadsheet reads the
 * municipality code 0180 as the number 180 and writes it so; both are Stockholm's code. Two
 * codes that differ only so are one code (two rows with them in one table: a repeated code).
 */
export function codeKey(code: string): string {
  const t = code.trim();
  return `code:${/^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, '') : t}`;
}

/**
 * The first row whose code another row above it has (codeKey: a digit code's leading zeros do not
 * count, "0114" is "114"), as [earlier, row], or undefined. Rows without a code (undefined or
 * blank) are passed over. A code is one recipient's: two rows with it would be paid twice, whatever
 * their names say ("Upplands Väsby" and "Väsby"). Digit codes are held as numbers, the others as
 * keys; `code(i)` is asked once a row, and may give a digit code as its number already.
 */
export function repeatedCode(count: number, code: (i: number) => string | number | undefined): [number, number] | undefined {
  const digits = new Map<number, number>();
  let others: Map<string, number> | undefined;
  for (let i = 0; i < count; i++) {
    const c = code(i);
    const t = typeof c === 'number' ? c : c?.trim();
    if (t === undefined || t === '') continue;
    if (typeof t === 'number' || (t.length <= 15 && /^\d+$/.test(t))) {
      const n = Number(t);
      const first = digits.get(n);
      if (first !== undefined) return [first, i];
      digits.set(n, i);
    } else {
      const key = codeKey(t);
      const first = (others ??= new Map()).get(key);
      if (first !== undefined) return [first, i];
      others.set(key, i);
    }
  }
  return undefined;
}

/**
 * Two rows with one code (repeatedCode) where money is paid or counted: one line naming both rows,
 * their names and codes. `twice`: what would happen ("be paid twice"; audit: "be counted twice").
 */
export function sameCodeError(file: string | undefined, first: { line: number; id: string; code: string }, second: { line: number; id: string; code: string }, twice = 'be paid twice'): StatsbidragError {
  const [a, b] = [first.code.trim(), second.code.trim()];
  const codes = a === b ? `the code ${a}` : `the codes ${a} and ${b}, one code without its leading zeros`;
  return new StatsbidragError('duplicate-recipient', `lines ${first.line} and ${second.line}: "${visibleName(first.id)}" and "${visibleName(second.id)}" have ${codes}: one recipient, which would ${twice}`, file ? { file } : {});
}

/** Whether two names are the same recipient. */
export const sameRecipient = (a: string, b: string): boolean => recipientKey(a) === recipientKey(b);

/** Characters the key ignores that a reader cannot see: written as \u escapes when a message shows a name. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u00a0\u2007\u202f]/g;

/** A name as an error message shows it: invisible characters the key ignores made visible (\u200b). */
export const visibleName = (name: string): string => name.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
