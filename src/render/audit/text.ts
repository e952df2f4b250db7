/** audit's result as text for people: the short answer, then each rule's budgets B, exactly. */
import type { NumberLocale } from '../../core/amount.js';
import { eachMissed, gapInterval, type RuleFit } from '../../core/audit.js';
import { Decimal } from '../../core/decimal.js';
import { formatFraction, integerRange, type Interval, type Rational } from '../../core/rational.js';
import { printable } from '../../core/printable.js';
import { formatAmount, formatPercent } from '../money.js';
import { PLAIN_REPORT, type ReportPaint } from '../report-paint.js';
import { auditRepairReason, formatRationalAmount, type AuditReportInput } from './model.js';
import { auditWords } from './words.js';

function describeInterval(i: Interval, locale: NumberLocale): string {
  const lo = i.lower ? formatRationalAmount(i.lower.value, locale) : '-∞';
  const hi = i.upper ? formatRationalAmount(i.upper.value, locale) : '∞';
  const sep = locale === 'sv' ? ';' : ',';
  return `${i.lower?.closed ? '[' : '('}${lo}${sep} ${hi}${i.upper?.closed ? ']' : ')'}`;
}

const endOf = (b: Interval['lower']): 'closed' | 'open' | 'none' => (b ? (b.closed ? 'closed' : 'open') : 'none');

function fitLines(f: RuleFit, input: AuditReportInput, locale: NumberLocale, paint: ReportPaint): string[] {
  const w = auditWords(locale);
  const m = (d: Decimal): string => formatAmount(d, { locale });
  const name = w.ruleTo(f.rule, m(f.unit));
  const out: string[] = [];
  if (!f.interval) return [`  ${w.noBudget(name)}`];
  const point = f.interval.lower && f.interval.upper && f.interval.lower.closed && f.interval.upper.closed && f.interval.lower.value.num * f.interval.upper.value.den === f.interval.upper.value.num * f.interval.lower.value.den;
  if (point) {
    out.push(`  ${w.point(paint.bold(name), formatRationalAmount(f.interval.lower!.value, locale), f.rule === 'largest-remainder')}`);
  } else {
    out.push(`  ${w.anyBIn(paint.bold(name), describeInterval(f.interval, locale))}`);
    const exact = [f.interval.lower ? formatFraction(f.interval.lower.value) : '-∞', f.interval.upper ? formatFraction(f.interval.upper.value) : '∞'];
    out.push(`      ${paint.dim(w.exactly(exact[0]!, exact[1]!, endOf(f.interval.lower), endOf(f.interval.upper)))}`);
    const kr = integerRange(f.interval);
    if (kr) out.push(`      ${w.wholeKronor(m(new Decimal(kr[0].toString())), m(new Decimal(kr[1].toString())))}`);
    if (f.wholeUnits) {
      const [a, b] = f.wholeUnits;
      out.push(`      ${w.wholeUnits(m(f.unit), m(a), a.eq(b) ? null : m(b))}`);
    } else {
      out.push(`      ${paint.dim(w.noWholeUnits(m(f.unit)))}`);
    }
  }
  if (input.stated) {
    const gap = gapInterval(input.stated.value, f.interval);
    const s = input.stated.value;
    const pc = (r: Rational | undefined): string => (r ? formatPercent(new Decimal(r.num.toString()).div(r.den.toString()), s, { locale }) : '–');
    if (point) {
      out.push(`      ${w.setAsidePoint(formatRationalAmount(gap.lower!.value, locale), pc(gap.lower?.value))}`);
    } else {
      out.push(
        `      ${w.setAsideRange(gap.lower ? formatRationalAmount(gap.lower.value, locale) : '-∞', gap.upper ? formatRationalAmount(gap.upper.value, locale) : '∞', pc(gap.lower?.value), pc(gap.upper?.value))}`,
      );
    }
  }
  return out;
}

/** The complete fits with the coarsest unit that works, and the rest (finer units). */
function splitByUnit(fits: readonly RuleFit[]): { main: RuleFit[]; finer: RuleFit[] } {
  const coarsest = fits.reduce((u, f) => (f.unit.gt(u) ? f.unit : u), fits[0]!.unit);
  return { main: fits.filter((f) => f.unit.eq(coarsest)), finer: fits.filter((f) => !f.unit.eq(coarsest)) };
}

/** One sentence for a memo: which rules reproduce the column, for which B, and the gap to the stated total. */
function shortAnswer(input: AuditReportInput, locale: NumberLocale = 'sv'): string {
  const { result } = input;
  const w = auditWords(locale);
  const m = (d: Decimal): string => formatAmount(d, { locale });
  const range = (f: RuleFit): string => {
    const kr = f.interval ? integerRange(f.interval) : undefined;
    if (!kr) return w.noWholeKronaBudget;
    return kr[0] === kr[1] ? w.bIs(m(new Decimal(kr[0].toString()))) : w.anyBFrom(m(new Decimal(kr[0].toString())), m(new Decimal(kr[1].toString())));
  };
  const gap = (f: RuleFit): string => {
    if (!input.stated || !f.interval) return '';
    const g = gapInterval(input.stated.value, f.interval);
    const kr = integerRange(g);
    if (!kr) return '';
    const a = m(new Decimal(kr[0].toString()));
    const b = m(new Decimal(kr[1].toString()));
    return w.leavingAside(a, a === b ? null : b, m(input.stated.value));
  };
  if (result.complete.length) {
    const { main, finer } = splitByUnit(result.complete);
    return w.reproducedBy(input.column, result.rows, main.map((f) => w.fitWith(w.ruleTo(f.rule, m(f.unit)), range(f), gap(f))), finer.length);
  }
  const best = result.fits[0];
  if (!best || best.reproduced === 0) return w.reproducesNone(input.column);
  return w.closest(input.column, w.ruleTo(best.rule, m(best.unit)), range(best), best.reproduced, best.rows, best.rows - best.reproduced);
}

/** The audit as text (auditTextChunks joined): for the library and small tables. */
export function auditText(input: AuditReportInput, paint: ReportPaint = PLAIN_REPORT, locale: NumberLocale = 'sv'): string {
  let text = '';
  for (const chunk of auditTextChunks(input, paint, locale)) text += chunk;
  return text;
}

/** Missed rows at most this many to a chunk of auditTextChunks. */
const MISSED_A_CHUNK = 4096;

/** The audit as text for people, in chunks: the best fit's missed rows (all of a large table's, at worst) made as they are written. */
export function* auditTextChunks(input_: AuditReportInput, paint: ReportPaint = PLAIN_REPORT, locale: NumberLocale = 'sv'): Generator<string> {
  // Names and cells from the input are shown escaped (core/printable.ts): never a raw control character on the terminal.
  const input: AuditReportInput = {
    ...input_,
    file: input_.file === null ? null : printable(input_.file),
    basis: printable(input_.basis),
    column: printable(input_.column),
    repairs: input_.repairs.map((r) => ({ ...r, id: printable(r.id), column: printable(r.column), raw: printable(r.raw) })),
  };
  const { result } = input;
  const w = auditWords(locale);
  const m = (d: Decimal): string => formatAmount(d, { locale });
  const out: string[] = [];
  out.push(paint.bold(w.title(input.column, input.basis, input.file, result.rows)));
  out.push(w.question(input.basis, input.column));
  if (input.repairs.length) {
    out.push('', paint.bold(w.repairedHeading(input.repairs.length)));
    for (const r of input.repairs) out.push(`  ${w.repairedCell(r.line, r.id, r.column, r.raw, m(r.value))}`, `      ${paint.dim(printable(auditRepairReason(r, locale)))}`);
  }
  out.push('', paint.bold(w.inShort) + shortAnswer(input, locale));
  out.push('', w.rowsAddUpTo(m(result.sum)));
  if (input.stated) out.push(w.statedTotal(m(input.stated.value), w.statedSource(input.stated.source)));
  out.push('');
  if (result.complete.length) {
    out.push(paint.ok(w.reproduceAll(result.rows)));
    const { main, finer } = splitByUnit(result.complete);
    for (const f of main) out.push(...fitLines(f, input, locale, paint));
    if (finer.length) {
      out.push('', w.finerHeading(m(main[0]!.unit)));
      for (const f of finer) {
        const kr = f.interval ? integerRange(f.interval) : undefined;
        const b = kr ? w.finerB(m(new Decimal(kr[0].toString())), kr[0] === kr[1] ? null : m(new Decimal(kr[1].toString()))) : w.noWholeKronaB;
        out.push(`  ${w.ruleTo(f.rule, m(f.unit))}: ${b} kr`);
      }
    }
    const others = result.fits.filter((f) => !f.complete).slice(0, 2);
    if (others.length) {
      out.push('', paint.dim(w.nextBest));
      for (const f of others) out.push(paint.dim(`  ${w.atBest(w.ruleTo(f.rule, m(f.unit)), f.reproduced, f.rows)}`));
    }
  } else {
    out.push(paint.error(w.noneReproducesAll(result.rows)));
    const best = result.fits[0];
    if (best && best.reproduced > 0) {
      out.push(w.best(w.ruleTo(best.rule, m(best.unit)), best.reproduced, best.rows));
      out.push(...fitLines(best, input, locale, paint));
      out.push(`  ${w.rowsMissed(best.example ? formatRationalAmount(best.example, locale) : null)}`);
      let i = 0;
      for (const x of eachMissed(best)) {
        out.push(`    ${w.missedRow(x.line, printable(x.id), m(x.published), m(x.ruleGives), m(x.published.minus(x.ruleGives)))}`);
        if (++i % MISSED_A_CHUNK === 0) {
          yield `${out.join('\n')}\n`;
          out.length = 0;
        }
      }
    }
  }
  // A chunk ends with its last line's newline: the lines after it (always some) start the next.
  out.push('', paint.dim(w.rulesTried([...new Set(result.fits.map((f) => m(f.unit)))].join(', '))));
  yield `${out.join('\n')}\n`;
}
