/**
 * Years and year ranges. A period "2020–2027" is eight grant years with the same per-year
 * total; a grant year is a calendar year.
 */
import { StatsbidragError } from './errors.js';

export interface YearRange {
  from: number;
  to: number;
}

const RANGE = /^\s*(\d{4})\s*(?:[-–—]\s*(\d{4}))?\s*$/;

/** "2019" → 2019–2019; "2020-2027" or "2020–2027" (en dash) → 2020–2027. */
export function parseYearRange(text: string): YearRange {
  const m = RANGE.exec(text);
  if (!m) throw new StatsbidragError('invalid-year', `"${text}" is not a year or a range such as 2020-2027`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (to < from) throw new StatsbidragError('invalid-year', `"${text}": the range ends before it starts`);
  return { from, to };
}

/** Find a year or range in a header such as "Belopp per år 2020–2027" or "amount_2019". */
export function yearRangeInText(text: string): YearRange | undefined {
  const m = /(?:^|\D)(\d{4})(?:\s*[-–—_]\s*(\d{4}))?(?!\d)/.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return to >= from ? { from, to } : undefined;
}

export function formatYearRange(r: YearRange): string {
  return r.from === r.to ? String(r.from) : `${r.from}–${r.to}`;
}

export function yearsOf(r: YearRange): number[] {
  const out: number[] = [];
  for (let y = r.from; y <= r.to; y++) out.push(y);
  return out;
}

export function yearCount(r: YearRange): number {
  return r.to - r.from + 1;
}

export function sameRange(a: YearRange, b: YearRange): boolean {
  return a.from === b.from && a.to === b.to;
}

/** The runs of years of `range` that none of `periods` covers, in order ("2015–2017" of 2015–2019 against 2018–2027). */
export function uncoveredYears(range: YearRange, periods: readonly { years: YearRange }[]): YearRange[] {
  const runs: YearRange[] = [];
  for (let y = range.from; y <= range.to; y++) {
    if (periods.some((p) => p.years.from <= y && y <= p.years.to)) continue;
    const last = runs[runs.length - 1];
    if (last && last.to === y - 1) last.to = y;
    else runs.push({ from: y, to: y });
  }
  return runs;
}

/** The part of `period` that falls inside `selection`, or undefined. */
export function intersect(period: YearRange, selection: YearRange): YearRange | undefined {
  const from = Math.max(period.from, selection.from);
  const to = Math.min(period.to, selection.to);
  return from <= to ? { from, to } : undefined;
}
