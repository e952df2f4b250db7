/** audit's result as text for people: the short answer, then each rule's budgets B, exactly. */
import type { NumberLocale } from '../../core/amount.js';
import type { RuleFit } from '../../core/audit.js';
import { gapInterval } from '../../core/audit.js';
import { Decimal } from '../../core/decimal.js';
import { formatFraction, integerRange, type Interval, type Rational } from '../../core/rational.js';
import { formatAmount, formatPercent } from '../money.js';
import { PLAIN_REPORT, type ReportPaint } from '../report-paint.js';
import { auditRepairReason, formatRationalAmount, type AuditReportInput } from './model.js';

function describeInterval(i: Interval, locale: NumberLocale): string {
  const lo = i.lower ? formatRationalAmount(i.lower.value, locale) : '-∞';
  const hi = i.upper ? formatRationalAmount(i.upper.value, locale) : '∞';
  const sep = locale === 'sv' ? ';' : ',';
  return `${i.lower?.closed ? '[' : '('}${lo}${sep} ${hi}${i.upper?.closed ? ']' : ')'}`;
}

function endsText(i: Interval): string {
  const l = i.lower ? (i.lower.closed ? 'from (and including)' : 'above') : 'any amount';
  const u = i.upper ? (i.upper.closed ? 'up to and including' : 'up to but not including') : 'without upper limit';
  return `${l} the lower end, ${u} the upper end`;
}

function fitLines(f: RuleFit, input: AuditReportInput, locale: NumberLocale, paint: ReportPaint): string[] {
  const m = (d: Decimal): string => formatAmount(d, { locale });
  const name = `${f.rule} to ${m(f.unit)}`;
  const out: string[] = [];
  if (!f.interval) return [`  ${name}: no budget reproduces any row`];
  const point = f.interval.lower && f.interval.upper && f.interval.lower.closed && f.interval.upper.closed && f.interval.lower.value.num * f.interval.upper.value.den === f.interval.upper.value.num * f.interval.lower.value.den;
  if (point) {
    out.push(`  ${paint.bold(name)}: B = ${formatRationalAmount(f.interval.lower!.value, locale)} kr${f.rule === 'largest-remainder' ? ' (largest remainder hands out exactly B, so B is the sum of the rows)' : ''}`);
  } else {
    out.push(`  ${paint.bold(name)}: any B in ${describeInterval(f.interval, locale)} kr`);
    const exact = [f.interval.lower ? formatFraction(f.interval.lower.value) : '-∞', f.interval.upper ? formatFraction(f.interval.upper.value) : '∞'];
    out.push(`      ${paint.dim(`exactly ${exact[0]} to ${exact[1]}: ${endsText(f.interval)}`)}`);
    const kr = integerRange(f.interval);
    if (kr) out.push(`      whole kronor: ${m(new Decimal(kr[0].toString()))} to ${m(new Decimal(kr[1].toString()))}`);
    if (f.wholeUnits) {
      const [a, b] = f.wholeUnits;
      out.push(`      whole units of ${m(f.unit)}: ${a.eq(b) ? `only ${m(a)}` : `${m(a)} to ${m(b)}`}`);
    } else {
      out.push(`      ${paint.dim(`no whole number of units of ${m(f.unit)} lies in this interval`)}`);
    }
  }
  if (input.stated) {
    const gap = gapInterval(input.stated.value, f.interval);
    const s = input.stated.value;
    const pc = (r: Rational | undefined): string => (r ? formatPercent(new Decimal(r.num.toString()).div(r.den.toString()), s, { locale }) : '–');
    if (point) {
      out.push(`      set aside (stated total − B): ${formatRationalAmount(gap.lower!.value, locale)} kr (${pc(gap.lower?.value)})`);
    } else {
      out.push(
        `      set aside (stated total − B): ${gap.lower ? formatRationalAmount(gap.lower.value, locale) : '-∞'} to ${
          gap.upper ? formatRationalAmount(gap.upper.value, locale) : '∞'
        } kr (${pc(gap.lower?.value)} to ${pc(gap.upper?.value)} of the stated total)`,
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
  const m = (d: Decimal): string => formatAmount(d, { locale });
  const range = (f: RuleFit): string => {
    const kr = f.interval ? integerRange(f.interval) : undefined;
    if (!kr) return 'no whole-krona budget';
    return kr[0] === kr[1] ? `B = ${m(new Decimal(kr[0].toString()))} kr` : `any B from ${m(new Decimal(kr[0].toString()))} to ${m(new Decimal(kr[1].toString()))} kr`;
  };
  const gap = (f: RuleFit): string => {
    if (!input.stated || !f.interval) return '';
    const g = gapInterval(input.stated.value, f.interval);
    const kr = integerRange(g);
    if (!kr) return '';
    const a = m(new Decimal(kr[0].toString()));
    const b = m(new Decimal(kr[1].toString()));
    return `, leaving ${a === b ? a : `${a} to ${b}`} kr of the stated ${m(input.stated.value)} kr aside`;
  };
  if (result.complete.length) {
    const { main, finer } = splitByUnit(result.complete);
    return `${input.column} is reproduced, all ${result.rows} rows, by ${main.map((f) => `${f.rule} to ${m(f.unit)} kr with ${range(f)}${gap(f)}`).join('; and by ')}${
      finer.length ? ` (also by ${finer.length} rule${finer.length > 1 ? 's' : ''} with finer units, listed below)` : ''
    }.`;
  }
  const best = result.fits[0];
  if (!best || best.reproduced === 0) return `no rule tried reproduces any row of ${input.column}.`;
  return `no rule tried reproduces every row of ${input.column}; the closest, ${best.rule} to ${m(best.unit)} kr with ${range(best)}, reproduces ${best.reproduced} of ${best.rows} rows and misses ${best.missed.length}.`;
}

export function auditText(input: AuditReportInput, paint: ReportPaint = PLAIN_REPORT, locale: NumberLocale = 'sv'): string {
  const { result } = input;
  const m = (d: Decimal): string => formatAmount(d, { locale });
  const out: string[] = [];
  out.push(paint.bold(`Audit of "${input.column}" against the basis "${input.basis}"${input.file ? ` (${input.file}, ${result.rows} rows)` : ` (${result.rows} rows)`}`));
  out.push(`Question: for which budgets B does "row's share of ${input.basis} × B, rounded" give every row of ${input.column}?`);
  if (input.repairs.length) {
    out.push(
      '',
      paint.bold(
        `Repaired before auditing: ${input.repairs.length} cell${input.repairs.length > 1 ? 's' : ''} with broken digit grouping, each read as the value nearest to what its basis share predicts (as validate proposes)`,
      ),
    );
    for (const r of input.repairs) out.push(`  line ${r.line}, ${r.id}, ${r.column}: "${r.raw}" read as ${m(r.value)}`, `      ${paint.dim(auditRepairReason(r, locale))}`);
  }
  out.push('', paint.bold('In short: ') + shortAnswer(input, locale));
  out.push('', `The rows add up to ${m(result.sum)} kr.`);
  if (input.stated) out.push(`Stated total: ${m(input.stated.value)} kr (${input.stated.source}).`);
  out.push('');
  if (result.complete.length) {
    out.push(paint.ok(`Rules that reproduce all ${result.rows} rows:`));
    const { main, finer } = splitByUnit(result.complete);
    for (const f of main) out.push(...fitLines(f, input, locale, paint));
    if (finer.length) {
      out.push('', `Also reproduced with finer units (a column of whole ${m(main[0]!.unit)} is a whole number of any unit dividing it):`);
      for (const f of finer) {
        const kr = f.interval ? integerRange(f.interval) : undefined;
        const b = kr ? (kr[0] === kr[1] ? `B = ${m(new Decimal(kr[0].toString()))}` : `B from ${m(new Decimal(kr[0].toString()))} to ${m(new Decimal(kr[1].toString()))}`) : 'no whole-krona B';
        out.push(`  ${f.rule} to ${m(f.unit)}: ${b} kr`);
      }
    }
    const others = result.fits.filter((f) => !f.complete).slice(0, 2);
    if (others.length) {
      out.push('', paint.dim('Next best (not exact):'));
      for (const f of others) out.push(paint.dim(`  ${f.rule} to ${m(f.unit)}: ${f.reproduced} of ${f.rows} rows at best`));
    }
  } else {
    out.push(paint.error(`No rule tried reproduces all ${result.rows} rows.`));
    const best = result.fits[0];
    if (best && best.reproduced > 0) {
      out.push(`Best: ${best.rule} to ${m(best.unit)}, ${best.reproduced} of ${best.rows} rows:`);
      out.push(...fitLines(best, input, locale, paint));
      out.push(`  rows it misses${best.example ? ` (at B = ${formatRationalAmount(best.example, locale)} kr)` : ''}:`);
      for (const x of best.missed) out.push(`    line ${x.line}, ${x.id}: published ${m(x.published)}, the rule gives ${m(x.ruleGives)} (${m(x.published.minus(x.ruleGives))})`);
    }
  }
  out.push('', paint.dim(`Rules tried: round-nearest (halves up), round-down, round-up, largest-remainder; units ${[...new Set(result.fits.map((f) => m(f.unit)))].join(', ')} kr. Bounds are exact; "…" marks a cut decimal.`));
  return `${out.join('\n')}\n`;
}
