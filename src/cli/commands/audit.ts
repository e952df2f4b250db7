/** `statsbidrag audit`: wiring only — load the table, audit the column, render, write. */
import type { NumberLocale } from '../../core/amount.js';
import { audit, auditRowsFromTable } from '../../core/audit.js';
import { guessIdColumn, normalizeName, resolveColumn } from '../../core/columns.js';
import type { Decimal } from '../../core/decimal.js';
import { located, StatsbidragError } from '../../core/errors.js';
import { formatYearRange, sameRange, yearRangeInText } from '../../core/schedule.js';
import { programmeOf } from '../../core/programme.js';
import { recipientListFile } from '../../io/contained.js';
import { loadRules, loadTable } from '../../io/load.js';
import { writeOutput } from '../../io/write.js';
import { auditJson, auditText } from '../../render/report.js';
// Exit 0: some rule reproduces every row; 1: none does.
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes.js';
import { choiceOption, positiveAmountOption } from '../options.js';
import { reportPaint } from './report-paint.js';

export interface AuditFlags {
  basis?: string;
  column?: string;
  unit?: string;
  format?: string;
  id?: string;
  rules?: string;
  programme?: string;
  stated?: string;
  locale?: string;
  out?: string;
  color?: boolean;
}


export async function runAudit(tableFile: string, flags: AuditFlags): Promise<void> {
  const format = choiceOption('--format', flags.format, ['text', 'json'] as const, 'text');
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  const unit = positiveAmountOption('--unit', flags.unit);
  const statedOption = positiveAmountOption('--stated', flags.stated);
  if (flags.basis === undefined) throw new StatsbidragError('missing-basis', 'name the basis column with --basis COLUMN (header or year)', { field: '--basis' }, 'usage');
  if (flags.column === undefined) throw new StatsbidragError('missing-column', 'name the published column with --column COLUMN (header or year)', { field: '--column' }, 'usage');

  const table = await loadTable(tableFile);
  const at = (e: unknown): never => {
    throw located(e, { file: tableFile });
  };
  let basisCol = 0;
  let columnCol = 0;
  let idCol = 0;
  try {
    basisCol = resolveColumn(table.headers, flags.basis, 'basis column');
    columnCol = resolveColumn(table.headers, flags.column, 'column');
    idCol = flags.id ? resolveColumn(table.headers, flags.id, 'recipient column') : guessIdColumn(table.headers);
  } catch (e) {
    at(e);
  }
  const prepared = auditRowsFromTable(table, basisCol, columnCol, idCol);
  const result = audit(prepared.rows, unit ? { units: [unit] } : {});

  // The stated total to measure B against: --stated, or the programme's period for this column
  // when the programme is named or publishes a column of exactly this header.
  let stated: { value: Decimal; source: string } | undefined;
  if (statedOption) {
    stated = { value: statedOption, source: '--stated' };
  } else {
    const loaded = await loadRules(flags.rules);
    const programme = programmeOf(loaded.rules, flags.programme, { file: loaded.file, field: '--programme' });
    const header = prepared.columnHeader;
    const years = yearRangeInText(header);
    // Without --programme, the default programme's total applies only to its own table: the
    // column has the header it publishes and every row is one of its recipients.
    let own = flags.programme !== undefined;
    if (!own && programme.recipients && programme.periods.some((p) => p.publishedColumn === header)) {
      const src = programme.recipients;
      const list = await loadTable(recipientListFile(loaded, programme));
      const listCol = list.headers.indexOf(src.id);
      const names = new Set(list.rows.map((r) => normalizeName(r.cells[listCol] ?? '')));
      own = listCol >= 0 && prepared.rows.every((r) => names.has(normalizeName(r.id)));
    }
    const period = !own
      ? undefined
      : (programme.periods.find((p) => p.publishedColumn === header) ??
        (years ? programme.periods.find((p) => sameRange(p.years, years) || (p.years.from <= years.from && years.to <= p.years.to)) : undefined));
    if (period) {
      stated = {
        value: period.statedTotal.value,
        source: `programme ${programme.id}, ${formatYearRange(period.years)}${period.years.from !== period.years.to ? ' per year' : ''}, ${period.includesAdmin ? 'including administrative costs' : 'as stated'}`,
      };
    }
  }

  const input = { file: tableFile, result, basis: prepared.basisHeader, column: prepared.columnHeader, repairs: prepared.repairs, ...(stated ? { stated } : {}) };
  let text: string;
  if (format === 'json') {
    text = `${JSON.stringify(auditJson(input), null, 2)}\n`;
  } else {
    text = auditText(input, await reportPaint(flags.out, flags.color), locale);
  }
  await writeOutput(text, flags.out);
  process.exitCode = result.complete.length > 0 ? EXIT_OK : EXIT_CHECK_FAILED;
}
