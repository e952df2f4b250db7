/**
 * The reader of the oracle (award-oracle/award.ts): src/io/applications.ts as it was before it read
 * applications into columns (issue 20; main at 5068619), with imports pointed at src/. Frozen: not the
 * product. Do not "fix" it.
 */
/**
 * The applications CSV for `award`. Columns are found by header in English or Swedish; amounts accept
 * every form parseAmount does ("298 tkr", "300 000", "300000").
 */
import type { Application } from './award.js';
import type { Decimal } from '../../../src/core/decimal.js';
import { StatsbidragError } from '../../../src/core/errors.js';
import { parseYearRange } from '../../../src/core/schedule.js';
import type { Table } from '../../../src/io/table.js';
import { recipientKey, visibleName } from '../../../src/core/recipient-key.js';
import { cellAmount, loadTable, withoutTotalRows } from '../../../src/io/load.js';

/** Headers we recognise for each field, lower-case. */
const COLUMNS = {
  applicant: ['applicant', 'sökande', 'organisation', 'organization', 'name', 'namn'],
  type: ['type', 'organisation type', 'organization type', 'organisationstyp', 'typ', 'orgtyp'],
  requested: ['requested', 'requested amount', 'sökt belopp', 'sökt', 'ansökt belopp'],
  cost: ['cost', 'total cost', 'measure cost', 'kostnad', 'total kostnad', 'insatsens kostnad', 'projektkostnad'],
  priority: ['priority', 'priority score', 'score', 'prioritet', 'poäng'],
  region: ['region', 'län'],
  years: ['years', 'year', 'år', 'period'],
} as const;

type Field = keyof typeof COLUMNS;
const REQUIRED: Field[] = ['applicant', 'type', 'requested', 'cost'];

function findColumn(headers: readonly string[], field: Field): number | undefined {
  const names: readonly string[] = COLUMNS[field];
  const i = headers.findIndex((h) => names.includes(h.normalize('NFC').trim().toLowerCase()));
  return i >= 0 ? i : undefined;
}

export function applicationsFromTable(table: Table): Application[] {
  const { file, headers } = table;
  const cols = Object.fromEntries((Object.keys(COLUMNS) as Field[]).map((f) => [f, findColumn(headers, f)])) as Record<Field, number | undefined>;
  for (const f of REQUIRED) {
    if (cols[f] === undefined) {
      throw new StatsbidragError(
        'missing-column',
        `no "${f}" column (accepted headers: ${COLUMNS[f].join(', ')}; the file has ${headers.map((h) => `"${h}"`).join(', ')})`,
        { file, line: 1 },
      );
    }
  }
  if (table.rowCount === 0) throw new StatsbidragError('no-rows', 'has a header but no applications', { file, line: 2 });
  const seen = new Map<string, { line: number; applicant: string }>();
  // Total rows (core/total-rows.ts) are set aside with a note: not applications.
  const rows = withoutTotalRows(table, cols.applicant!, [cols.requested!, cols.cost!]);
  const yearsTexts: string[] = [];
  const apps = Array.from({ length: rows.rowCount }, (_, r): Application => {
    const line = rows.line(r);
    const cell = (f: Field): string => (cols[f] === undefined ? '' : rows.cell(r, cols[f]));
    const header = (f: Field): string => headers[cols[f]!]!;
    const need = (f: Field): string => {
      const v = cell(f);
      if (v === '') throw new StatsbidragError('missing-value', `no ${f}`, { file, line, field: header(f) });
      return v;
    };
    const applicant = need('applicant');
    const type = need('type');
    // One applicant by the one recipient key (core/recipient-key.ts): "Förening" and "förening " are one.
    const key = `${recipientKey(applicant)}\u0000${cell('years')}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const names = first.applicant === applicant ? `"${applicant}" applies twice` : `"${visibleName(first.applicant)}" and "${visibleName(applicant)}" are the same applicant`;
      throw new StatsbidragError('duplicate-application', `lines ${first.line} and ${line}: ${names}${cell('years') ? ` for ${cell('years')}` : ''}, and would be paid twice`, { file });
    }
    seen.set(key, { line, applicant });
    const money = (f: Field): Decimal => {
      const d = cellAmount(need(f), file, line, header(f), table.decimalMark);
      if (d.isNegative()) throw new StatsbidragError('negative-amount', `"${cell(f)}" is negative`, { file, line, field: header(f) });
      return d;
    };
    const requested = money('requested');
    const cost = money('cost');
    const priorityText = cell('priority');
    const priority = priorityText === '' ? undefined : cellAmount(priorityText, file, line, header('priority'), table.decimalMark);
    const region = cell('region');
    const yearsText = cell('years');
    yearsTexts.push(yearsText);
    let years;
    if (yearsText !== '') {
      try {
        years = parseYearRange(yearsText);
      } catch (e) {
        throw e instanceof StatsbidragError ? new StatsbidragError(e.code, e.message, { file, line, field: header('years') }) : e;
      }
    }
    return {
      applicant,
      type,
      requested,
      cost,
      ...(priority !== undefined ? { priority } : {}),
      ...(region ? { region } : {}),
      ...(years ? { years } : {}),
      line,
    };
  });
  // A years cell left empty while another application gives its years: an input error at the first such row.
  const given = apps.findIndex((a) => a.years !== undefined);
  const empty = given >= 0 ? apps.findIndex((a) => a.years === undefined) : -1;
  if (empty >= 0) {
    throw new StatsbidragError(
      'missing-value',
      `"${apps[empty]!.applicant}" gives no years, while other applications give theirs ("${apps[given]!.applicant}": ${yearsTexts[given]}): give every application its years`,
      { file, line: apps[empty]!.line, field: headers[cols.years!]! },
    );
  }
  return apps;
}

export async function loadApplications(file: string): Promise<Application[]> {
  return applicationsFromTable(await loadTable(file));
}

