/**
 * The oracle of the award's CSV records in tests/property/award-columns.test.ts: awardRecords from
 * src/render/award.ts as it was before records were written from the result's columns (issue 20;
 * main at 579c463), reading AwardRow objects, with imports pointed at src/. Frozen: not the product.
 */
import type { NumberLocale } from '../../../src/core/amount.js';
import { decimalsOf, type Decimal } from '../../../src/core/decimal.js';
import { formatYearRange } from '../../../src/core/schedule.js';
import { CAP_BY_TEXT, STATUS_TEXT } from '../../../src/render/award-text.js';
import { reasonText } from '../../../src/render/award.js';
import { plain } from '../../../src/render/money.js';
import type { AwardResult, AwardRow } from './award.js';

const amountIn = (row: AwardRow, year: number): Decimal | undefined => row.perYear.find((p) => p.year === year)?.amount;

export function awardRecords(r: AwardResult, language: NumberLocale = 'en'): { headers: string[]; rows: string[][] } {
  const dp = decimalsOf(r.unit);
  const ys = r.years.map((y) => y.year);
  const money = (d: Decimal | undefined): string => (d === undefined ? '' : plain(d, dp));
  const headers = ['applicant', 'type', 'region', 'ordinance', 'priority', 'rank', 'years', 'requested', 'cost', 'cap', 'cap_by', ...ys.map((y) => `award_${y}`), 'award_total', 'status', 'reason'];
  const rows = r.rows.map((row) => [
    row.application.applicant,
    row.application.type,
    row.application.region ?? '',
    row.ordinance ?? '',
    row.application.priority?.toFixed() ?? '',
    row.rank === undefined ? '' : String(row.rank),
    row.years ? formatYearRange(row.years).replace('–', '-') : '',
    plain(row.application.requested, Math.max(dp, decimalsOf(row.application.requested))),
    plain(row.application.cost, Math.max(dp, decimalsOf(row.application.cost))),
    money(row.cap),
    row.capBy === undefined ? '' : language === 'sv' ? CAP_BY_TEXT.sv[row.capBy] : row.capBy,
    ...ys.map((y) => money(amountIn(row, y))),
    plain(row.total, dp),
    language === 'sv' ? STATUS_TEXT.sv[row.status] : row.status,
    reasonText(row, language, dp) ?? '',
  ]);
  return { headers, rows };
}
