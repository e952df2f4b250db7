/**
 * validate's and audit's sentences in Swedish (the default locale) and English (--locale en):
 * whole sentences pinned in both, from the words tables (src/render/validation/words.ts,
 * src/render/audit/words.ts), with Swedish method names and number format in the Swedish ones.
 */
import { describe, expect, it } from 'vitest';
import { rowsTable } from '../../src/core/cells.js';
import { Decimal } from '../../src/core/decimal.js';
import type { Period, Programme } from '../../src/core/programme.js';
import { validateTable } from '../../src/core/validate.js';
import { findingMessage, referenceText } from '../../src/render/validation/messages.js';
import { validationSummaryLine, validationText } from '../../src/render/validation/text.js';
import { VALIDATION_WORDS } from '../../src/render/validation/words.js';
import { AUDIT_WORDS } from '../../src/render/audit/words.js';

const D = (x: string | number): Decimal => new Decimal(x);
/** 10 000 000 stated, 9 000 000 split by round-nearest in units of 1 000 000. */
const period: Period = {
  years: { from: 2020, to: 2020 },
  statedTotal: { value: D(10_000_000), source: 'budget' },
  includesAdmin: true,
  amountSplit: { value: D(9_000_000), source: 'derived' },
  unit: { value: D(1_000_000), source: 'budget' },
  method: { value: 'round-nearest', source: 'budget' },
};
const programme: Programme = { id: 'p', name: 'Prog', agency: 'A', legalBasis: [], periods: [period] };
const table = (rows: string[][]) => rowsTable(['Kommun', 'Basis', 'Belopp 2020'], rows.map((cells, i) => ({ line: i + 2, cells })), { file: 'f.csv' });
const message = (rows: string[][], code: string, locale: 'sv' | 'en', expected?: { id: string }[]) => {
  const report = validateTable(table(rows), { programme, basis: 'Basis', ...(expected ? { expected, expectedSource: 'lista.csv' } : {}) });
  const f = report.errors.find((e) => e.code === code);
  if (!f) throw new Error(`no ${code} in ${report.errors.map((e) => e.code).join(', ')}`);
  return findingMessage(f, locale);
};

describe('validate in Swedish and English', () => {
  // Weights 1, 2: round-nearest to 1 000 000 of 9 000 000 gives 3 000 000 and 6 000 000.
  it('a broken digit grouping: the reading the rule predicts, the method by its Swedish name', () => {
    const rows = [['A', '1', '3 000 00'], ['B', '2', '6 000 000']];
    expect(message(rows, 'broken-digit-grouping', 'sv')).toBe(
      '"3 000 00" har felaktig siffergruppering; troligen 3 000 000: det är tolkningen närmast 3 000 000, värdet som radens andel av "Basis" (33,3333 %) av 9 000 000, med avrundning till 1 000 000 enligt reglerna, ger; den andra tolkningen 300 000 (avviker med 2 700 000) ligger längre bort',
    );
    expect(message(rows, 'broken-digit-grouping', 'en')).toBe(
      '"3 000 00" has broken digit grouping; most likely 3,000,000: it is the reading nearest to 3,000,000, the value the row\'s "Basis" share (33.3333 %) of 9,000,000, rounded by round-nearest to 1,000,000 as the rules say, predicts; the other reading 300,000 (off by 2,700,000) is further away',
    );
  });

  it('a rule deviation', () => {
    const rows = [['A', '1', '4 000 000'], ['B', '2', '6 000 000']];
    expect(message(rows, 'rule-deviation', 'sv')).toBe('4 000 000 där andelen av "Basis" med avrundning till 1 000 000 av 9 000 000 ger 3 000 000 (avviker med 1 000 000, mer än 0)');
    expect(message(rows, 'rule-deviation', 'en')).toBe('4,000,000 where the "Basis" share under round-nearest to 1,000,000 of 9,000,000 gives 3,000,000 (off by 1,000,000, more than 0)');
  });

  it('a missing recipient, and one the list does not know', () => {
    const rows = [['A', '1', '3 000 000'], ['Z', '2', '6 000 000']];
    const list = [{ id: 'A' }, { id: 'B' }];
    expect(message(rows, 'missing-recipient', 'sv', list)).toBe('"B" finns i programmets lista (lista.csv) men har ingen rad i tabellen');
    expect(message(rows, 'missing-recipient', 'en', list)).toBe('"B" is in the programme\'s list (lista.csv) but has no row in the table');
    expect(message(rows, 'unknown-recipient', 'sv', list)).toBe('"Z" finns inte i programmets lista (lista.csv)');
  });

  it('the report: what it is checked against, the verdict GILTIG/OGILTIG and the counts in Swedish', () => {
    const bad = validateTable(table([['A', '1', '4 000 000'], ['B', '2', '6 000 000']]), { programme, basis: 'Basis' });
    expect(referenceText(bad, 'sv')).toBe('programmets regler (p) för år 2020, fördelat efter Basis');
    expect(referenceText(bad, 'en')).toBe("the programme's rules (p) for year 2020, split by Basis");
    expect(validationSummaryLine(bad, undefined, 'sv')).toBe('f.csv: OGILTIG, 2 fel, 0 varningar (2 mottagarrader, 2 beloppskolumner, 4 celler)');
    expect(validationSummaryLine(bad, undefined, 'en')).toBe('f.csv: INVALID, 2 errors, 0 warnings (2 recipient rows, 2 amount columns, 4 cells)');
    const good = validateTable(table([['A', '1', '3 000 000'], ['B', '2', '6 000 000']]), { programme, basis: 'Basis' });
    expect(validationSummaryLine(good, undefined, 'sv')).toBe('f.csv: GILTIG, 0 fel, 0 varningar (2 mottagarrader, 2 beloppskolumner, 4 celler)');
    const text = validationText(bad, undefined, 'sv');
    expect(text).toContain('  fel     rule-deviation  vid rad 2, Belopp 2020, A\n');
    expect(text).toContain('    regelkontroll: 2 rader mot avrundning till 1 000 000 av 9 000 000: 1 avviker\n');
    expect(text).toMatch(/^ {6}administrativa kostnader +-1 000 000 {2}angiven total − belopp att fördela, enligt reglerna$/m);
  });

  it('both locales have every sentence (one table each, no key left out)', () => {
    expect(Object.keys(VALIDATION_WORDS.sv).sort()).toEqual(Object.keys(VALIDATION_WORDS.en).sort());
    expect(Object.keys(AUDIT_WORDS.sv).sort()).toEqual(Object.keys(AUDIT_WORDS.en).sort());
    expect(AUDIT_WORDS.sv.ruleTo('largest-remainder', '1 000')).toBe('största rest till 1 000');
    expect(AUDIT_WORDS.en.ruleTo('largest-remainder', '1,000')).toBe('largest-remainder to 1,000');
  });
});
