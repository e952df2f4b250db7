/**
 * Naming a column the way users do: by its header ("Belopp 2018"), case-insensitively, or by
 * the year or range it holds ("2018", "2020-2027" finds "Belopp per år 2020–2027").
 */
import { StatsbidragError } from './errors.js';
import { parseYearRange, sameRange, yearRangeInText, type YearRange } from './schedule.js';

/**
 * A name as compared: NFC (Å may arrive decomposed), trimmed, lower case, each run of spaces of any
 * kind one space (a header exported with a no-break space, "Belopp\u00a02019", is named "Belopp 2019").
 */
const normalizeName = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
/** Headers normalised already: a command asks for the same headers several times (the recipient, code and basis columns, a message's suggestions), and a hostile header may be megabytes long. */
const normed = new Map<string, string>();
function norm(s: string): string {
  let n = normed.get(s);
  if (n === undefined) {
    n = normalizeName(s).replace(/[–—]/g, '-');
    if (normed.size >= 256) normed.clear();
    normed.set(s, n);
  }
  return n;
}

/** Index of the header `spec` names, or a StatsbidragError listing the headers there are. */
export function resolveColumn(headers: readonly string[], spec: string, role = 'column'): number {
  const exact = headers.indexOf(spec);
  if (exact >= 0) return exact;
  const loose = headers.flatMap((h, i) => (norm(h) === norm(spec) ? [i] : []));
  if (loose.length > 1) {
    // "weight" and "Weight": the user's spelling matches neither exactly, and both alike.
    throw new StatsbidragError('ambiguous-column', `${role} "${spec}" matches several columns that differ only in case or spacing: ${loose.map((i) => `"${headers[i]}"`).join(', ')}; name one exactly`, { field: spec }, 'usage');
  }
  if (loose.length === 1) return loose[0]!;
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

const ID_HEADERS = ['kommun', 'kommunnamn', 'municipality', 'recipient', 'mottagare', 'namn', 'name', 'sökande', 'applicant', 'organisation', 'organization', 'party', 'parti', 'state'];

/**
 * The recipient column when the user names none: a well-known header, else the column after a
 * first column of codes ("Kommunkod;Huvudman;Vikt": Huvudman; "Länskod;Län": Län) when that one
 * names no amount, weight or year, else the first column.
 */
export function guessIdColumn(headers: readonly string[]): number {
  const i = headers.findIndex((h) => ID_HEADERS.includes(norm(h)));
  if (i >= 0) return i;
  const next = headers[1];
  if (headers.length >= 3 && /(?:kod|code)$/.test(norm(headers[0]!)) && next !== undefined && !/(?:kod|code)$/.test(norm(next)) && !namesValues(next)) return 1;
  return 0;
}

/** A header of values rather than names: a weight, an amount, a share or a year ("Vikt", "Belopp 2019", "2019"). */
const namesValues = (h: string): boolean => /\d{4}|vikt|weight|belopp|amount|andel|share|summa|total|antal|folkmängd|värde|value/.test(norm(h));

const CODE_HEADERS = ['kommunkod', 'code', 'kod', 'id'];

/** Headers that name a municipality: a "Kommunkod" beside one is the recipient's own code. */
const MUNICIPALITY_HEADERS = ['kommun', 'kommunnamn', 'municipality'];

/**
 * Whether the code column identifies the recipient, so that two rows with one code are one
 * recipient (core/recipient-key.ts repeatedCode): a "Kod"/"Code"/"Id" column does; a
 * "Kommunkod" column does beside a municipality's name, and is where a row is, not who, beside
 * another recipient ("Kommunkod;Huvudman": two school providers in one municipality).
 */
export function codeIdentifies(headers: readonly string[], idCol: number, codeCol: number): boolean {
  return norm(headers[codeCol] ?? '') !== 'kommunkod' || MUNICIPALITY_HEADERS.includes(norm(headers[idCol] ?? ''));
}

export function guessCodeColumn(headers: readonly string[]): number | undefined {
  const i = headers.findIndex((h) => CODE_HEADERS.includes(norm(h)));
  return i >= 0 ? i : undefined;
}

/** Headers that name a recipient's weight (the basis of a split), as the tool writes them and people do. */
const WEIGHT_HEADERS = ['weight', 'vikt', 'basis', 'underlag'];
/** A bare amount column, whose year comes from the caller (`--year`). */
const AMOUNT_HEADERS = ['amount', 'belopp'];
/** A row's total over the years of the table. */
const TOTAL_HEADERS = ['total', 'totalt', 'summa'];
const FLOOR_HEADERS = ['floor', 'golv', 'minimum'];
const CEILING_HEADERS = ['ceiling', 'tak', 'maximum'];

const isOneOf = (header: string, names: readonly string[]): boolean => names.includes(norm(header));

/** An amount column: its index, header and the year or years it holds (undefined for a weight column with no year). */
interface AmountColumnRole {
  index: number;
  header: string;
  years: YearRange | undefined;
}

/** What each column of a table is, recognised once for every command. */
export interface ColumnRoles {
  recipient: number;
  code: number | undefined;
  /** The basis column when named or recognisable (a year column, or weight/vikt). */
  basis: number | undefined;
  /** Columns holding amounts for a year or a range, and the basis column; in table order. */
  amounts: AmountColumnRole[];
  total: number | undefined;
  floor: number | undefined;
  ceiling: number | undefined;
  /** Columns none of the above: not read. */
  other: number[];
}

export interface RoleOptions {
  /** Recipient column as the user named it; default a well-known header, else the first column. */
  id?: string | undefined;
  /** Basis column as the user named it (header or year). */
  basis?: string | undefined;
  /** Whether `basis` came from the user (an unknown one is then an error) or a programme's default (then ignored). */
  basisNamed?: boolean | undefined;
  /** The year of a bare "amount"/"belopp" column (the tool's single-year output). */
  year?: YearRange | undefined;
}

/**
 * Column roles for a table: recipient, code, basis, amount columns by year (every header the
 * tool writes, in English and Swedish — amount_2019, belopp_2019, amount with --year, total —
 * and the published forms "2019", "Belopp 2019", "Belopp per år 2020–2027"), floors and ceilings.
 */
export function columnRoles(headers: readonly string[], options: RoleOptions = {}): ColumnRoles {
  const recipient = options.id ? resolveColumn(headers, options.id, 'recipient column') : guessIdColumn(headers);
  const code = guessCodeColumn(headers);
  let basis: number | undefined;
  if (options.basis !== undefined) {
    try {
      basis = resolveColumn(headers, options.basis, 'basis column');
    } catch (e) {
      if (options.basisNamed) throw e;
    }
  }
  const weight = headers.findIndex((h, i) => i !== recipient && isOneOf(h, WEIGHT_HEADERS));
  if (basis === undefined && weight >= 0) basis = weight;
  const roles: ColumnRoles = { recipient, code, basis, amounts: [], total: undefined, floor: undefined, ceiling: undefined, other: [] };
  headers.forEach((header, index) => {
    if (index === recipient || (index === code && index !== basis)) return;
    const years = yearRangeInText(header);
    if (years || index === basis) roles.amounts.push({ index, header, years });
    else if (isOneOf(header, AMOUNT_HEADERS) && options.year) roles.amounts.push({ index, header, years: options.year });
    else if (isOneOf(header, TOTAL_HEADERS) && roles.total === undefined) roles.total = index;
    else if (isOneOf(header, FLOOR_HEADERS) && roles.floor === undefined) roles.floor = index;
    else if (isOneOf(header, CEILING_HEADERS) && roles.ceiling === undefined) roles.ceiling = index;
    else roles.other.push(index);
  });
  return roles;
}

/** Whether a header is a bare amount column ("amount", "belopp") that needs a year from the caller. */
export const isBareAmountHeader = (header: string): boolean => isOneOf(header, AMOUNT_HEADERS);

/**
 * The unit a column's header states its amounts in, as a power of ten of kronor: 3 for
 * "Belopp 2019 (tkr)", "Belopp, tusental kronor", "i tkr"; 6 for "(mnkr)", "miljoner kronor",
 * "(MSEK)"; 9 for "(mdkr)", "miljarder kronor"; 3 for the unit in digits, "(1000 kr)", "(1 000 kr)",
 * "(1000-tals kronor)", "(1000-tal kr)", and for "(kkr)"; 6 for "(1 000 000 kr)". A number with no
 * currency word after it ("Belopp 2019", "Kommun 1000") is no unit. 0 when it states none (or kronor). An agency's
 * table in thousands beside another in kronor is the same money written 1 000 times smaller.
 */
export function headerScale(header: string): number {
  const h = header.toLowerCase().replace(/\s+/g, ' ');
  // Every unit HEADER_UNIT finds holds one of these: a header without any ("2019", "Kommun") is in
  // kronor without compiling that expression (a millisecond of every start-up that reads a table).
  if (!UNIT_HINTS.some((hint) => h.includes(hint))) return 0;
  const m = HEADER_UNIT.exec(h);
  if (!m) return 0;
  const u = m[1]!;
  return /^(md|miljard|bn|billion)/.test(u) ? 9 : /^(m|mn|milj|mio|million|1 ?000 ?000)/.test(u) ? 6 : 3;
}

/** headerScale's powers of ten as the note on a column read in kronor names them. */
const HEADER_SCALES: Record<number, [string, string]> = { 3: ['thousands', '1 000'], 6: ['millions', '1 000 000'], 9: ['billions', '1 000 000 000'] };

/**
 * The note of a command that reads a column whose header states its unit (headerScale > 0) in
 * kronor, × 10^scale: the same words in compare, validate and audit. Undefined for a column in kronor.
 */
export function unitNote(file: string | undefined, header: string): string | undefined {
  const scale = headerScale(header);
  if (scale === 0) return undefined;
  const [word, factor] = HEADER_SCALES[scale]!;
  return `${file ? `${file}: ` : ''}column "${header}" states its amounts in ${word} of kronor: read as kronor (× ${factor})`;
}

/** Text every match of HEADER_UNIT holds: each of its units is, or ends or begins with, kr, kronor or sek. */
const UNIT_HINTS = ['kr', 'sek'];

/** A unit word in a header, standing alone (in parentheses, after a comma or "i", at the end). */
const HEADER_UNIT =
  /(?:^|[\s(,;/])((?:tkr|tsek|ksek|kkr|mnkr|mkr|msek|mdkr|mdsek)|(?:tusen(?:tal|tals)?|1 ?000 ?000(?:-?tals?)?|1 ?000(?:-?tals?)?|miljoner|miljarder|mn|md|mdr|mio|milj\.?) ?(?:kr|kronor|sek)|(?:thousands?|millions?|billions?|bn) (?:of )?(?:sek|kronor|kr)|(?:sek|kr|kronor) ?(?:thousands?|millions?|billions?|'000|000s))(?=$|[\s),.;:/])/;
