/** `statsbidrag audit`: options → the audit use case → the report → emit. */
import { auditUseCase } from '../../app/audit.js';
import type { NumberLocale } from '../../core/amount.js';
import { StatsbidragError } from '../../core/errors.js';
import { PLAIN_REPORT } from '../../render/report-paint.js';
import { choiceOption, commandLine, formatOption, headerRowOption, positiveAmountOption } from '../options.js';
import { decided, emitAs, reportPaint, type Verdict } from '../output.js';
import type { AuditFlags } from '../declarations/audit.js';

export async function runAudit(tableFile: string, flags: AuditFlags): Promise<Verdict> {
  const format = formatOption('audit', flags);
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  const unit = positiveAmountOption('--unit', flags.unit);
  const stated = positiveAmountOption('--stated', flags.stated);
  if (flags.basis === undefined) throw new StatsbidragError('missing-basis', 'name the basis column with --basis COLUMN (header or year)', { field: '--basis' }, 'usage');
  if (flags.column === undefined) throw new StatsbidragError('missing-column', 'name the published column with --column COLUMN (header or year)', { field: '--column' }, 'usage');
  const { report, verdict } = await auditUseCase({ table: tableFile, sheet: flags.sheet, headerRow: headerRowOption(flags.headerRow), basis: flags.basis, column: flags.column, id: flags.id, unit, stated, rules: flags.rules, programme: flags.programme });
  const paint = format === 'text' ? await reportPaint(flags.out, flags.color) : PLAIN_REPORT;
  decided(verdict);
  await emitAs('audit', format, report, { command: commandLine(), locale, paint }, flags.out);
  return verdict;
}
