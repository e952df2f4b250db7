/**
 * One language at a time, for what this branch translated: award's table and notes, method names
 * under the allocation, --explain's "decided by" cells and notes, and validate's and audit's
 * reports (text, json messages, github annotations). A word list of the other language fails the
 * run. Texts from data (the notes in data/rules.json, {sv, en}) and the amount parser's reasons
 * follow the locale too; tests/e2e/language-all.test.ts runs every command and format.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, run } from '../helpers/cli.js';

const ENGLISH = /\b(won last|won none|remainder|largest-remainder|round-nearest|held at its|funded|REJECTED|capped|ranking|left over|priority =)\b/;
const SWEDISH = /\b(sista enheten|ingen enhet|rest \d|största rest|avrundning nedåt|avrundning uppåt|hålls vid|beviljad|AVSLAG|begränsad|rangordning|kvar|prioritet =)\b/;
const EXAMPLE = join(DATA, 'examples', 'gavleborg-applications.csv');
/** validate's and audit's own words (render/validation/words.ts, render/audit/words.ts). */
const REPORT_ENGLISH =
  /\b(VALID|INVALID|errors?|warnings?|Validation of|Findings|rows add up|admin costs|unexplained|rule check|broken digit grouping|most likely|reading nearest|other readings?|off by|recipient rows?|amount columns?|cells|line \d|checked against|is not in|has no row|is negative|Audit of|Question|In short|Repaired|read as|whole kronor|set aside|any B|exactly|Next best|Rules tried|lower end|is reproduced|reproduce all|largest-remainder|round-nearest|round-down|round-up)\b/;
const REPORT_SWEDISH =
  /\b(GILTIG|OGILTIG|fel|varningar|varning|Granskning|Fynd|summerar|summa av raderna|skillnad|oförklarat|regelkontroll|troligen|tolkningen|avviker|mottagarrader|beloppskolumner|celler|rad \d|granskad mot|Revision|Kort sagt|Fråga|Rättat|tolkat som|hela kronor|avsatt|varje B|Näst bäst|Prövade regler|återger|största rest|avrundning)\b/;
const TABLE = join(DATA, 'tillvaxtverket-2018.csv');
const FIXTURES = join(DATA, '..', 'tests', 'fixtures', 'validate');

/** What validate and audit write in the locale's words: the whole text, the GitHub annotations' text, the JSON's messages. */
function reportText(stdout: string, format: 'text' | 'json' | 'github'): string {
  if (format === 'github') return stdout.replace(/^::[a-z]+ [^\n]*?::/gm, ''); // severity and properties are GitHub's syntax
  if (format === 'text') return stdout;
  const texts: string[] = [];
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string' && ['message', 'description', 'adminNote', 'reason'].includes(key)) texts.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(JSON.parse(stdout));
  expect(texts.length).toBeGreaterThan(0);
  return texts.join('\n');
}

const reportCases: [string, string[], 'text' | 'json' | 'github'][] = [
  ['validate', ['validate', TABLE], 'text'],
  ['validate json', ['validate', TABLE, '--format', 'json'], 'json'],
  ['validate github', ['validate', TABLE, '--format', 'github'], 'github'],
  ['validate --year 2019', ['validate', TABLE, '--year', '2019'], 'text'],
  ['validate a missing row', ['validate', join(FIXTURES, 'missing-row.csv')], 'text'],
  ['validate a negative amount, github', ['validate', join(FIXTURES, 'negative.csv'), '--format', 'github'], 'github'],
  ['validate a total row, json', ['validate', join(FIXTURES, 'total-row.csv'), '--format', 'json'], 'json'],
  ['validate --stated', ['validate', TABLE, '--stated', 'Belopp 2018=410 396 001', '--basis', '2018', '--unit', '1000'], 'text'],
  ['validate --quiet', ['validate', TABLE, '--quiet'], 'text'],
  ['audit', ['audit', TABLE, '--basis', '2018', '--column', '2019'], 'text'],
  ['audit json', ['audit', TABLE, '--basis', '2018', '--column', '2019', '--format', 'json'], 'json'],
  ['audit, no rule reproduces', ['audit', join(FIXTURES, 'unreproducible.csv'), '--basis', 'Basis', '--column', 'Amount 2019'], 'text'],
];

const cases: [string, string[]][] = [
  ['allocate', ['allocate']],
  ['allocate md', ['allocate', '--format', 'md']],
  ['explain (remainder)', ['allocate', '--year', '2018', '--explain']],
  ['explain (divisor)', ['allocate', '--year', '2020-2027', '--admin', '2%', '--method', 'sainte-lague', '--explain']],
  ['award', ['award', EXAMPLE, '--ceiling', '300000', '--budget', '1 500 tkr']],
  ['award md', ['award', EXAMPLE, '--ceiling', '300000', '--budget', '1 500 tkr', '--format', 'md']],
];

describe('one language at a time (built CLI)', () => {
  it.each(cases)('%s: Swedish by default, English with --locale en', (_name, args) => {
    const sv = run(args);
    expect(sv.status).toBe(0);
    expect(sv.stdout).not.toMatch(ENGLISH);
    const en = run([...args, '--locale', 'en']);
    expect(en.status).toBe(0);
    expect(en.stdout).not.toMatch(SWEDISH);
  });

  it.each(reportCases)('%s: Swedish by default, English with --locale en', (_name, args, format) => {
    const sv = run(args);
    expect(sv.stderr).toBe('');
    // Each list finds its own language (so not matching the other's means something).
    expect(reportText(sv.stdout, format)).toMatch(REPORT_SWEDISH);
    expect(reportText(sv.stdout, format)).not.toMatch(REPORT_ENGLISH);
    expect(reportText(sv.stdout, format)).not.toMatch(ENGLISH);
    const en = run([...args, '--locale', 'en']);
    expect(en.status).toBe(sv.status);
    expect(reportText(en.stdout, format)).toMatch(REPORT_ENGLISH);
    expect(reportText(en.stdout, format)).not.toMatch(REPORT_SWEDISH);
    expect(reportText(en.stdout, format)).not.toMatch(SWEDISH);
  });

  it('method names in the locale: största rest, jämkade uddatalsmetoden with a first divisor', () => {
    expect(run(['allocate', '--year', '2018']).stdout).toMatch(/^2018: största rest till 1 000 kr/m);
    expect(run(['allocate', '--year', '2018', '--locale', 'en']).stdout).toMatch(/^2018: largest remainder to 1,000 kr/m);
    expect(run(['allocate', '--year', '2018', '--method', 'sainte-lague', '--first-divisor', '1.4']).stdout).toMatch(/^2018: jämkade uddatalsmetoden \(.*1,4\) till 1 000 kr/m);
    expect(run(['allocate', '--year', '2018', '--explain', '--method', 'dhondt']).stdout).toMatch(/sista enheten vid [\d ]+,\d{4}; nästa/);
  });
});
