/**
 * One language at a time, everywhere (issue 23, "Swedish throughout"): every command in every
 * format, run with the Swedish locale (the default) and with --locale en, must hold no word of the
 * other language (tests/helpers/language-words.ts) and at least one of its own. What machines read
 * is not judged: JSON keys and codes (only the sentences in JSON are), CSV with English headers in
 * the Swedish locale, finding codes and ids (kebab-case), file names, command lines, and the data's
 * own texts an output quotes (recipient, programme and column names, quoted source text).
 *
 * stderr is English in both locales by decision (docs/output.md, "Language"): only the error line's
 * prefix and English wording are checked here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DATA, run, tempDir } from '../helpers/cli.js';
import { ENGLISH_WORDS, SWEDISH_WORDS } from '../helpers/language-words.js';

type Kind = 'text' | 'github' | 'json' | 'csv' | 'xlsx' | 'html';

/** Texts of the bundled data that outputs quote as they are: names, titles, column headers, types. */
const DATA_TEXTS: string[] = (() => {
  const texts = new Set<string>();
  const rules = JSON.parse(readFileSync(join(DATA, 'rules.json'), 'utf8')) as { programmes: { name: string; agency: string; legalBasis?: { ref: string; title: string }[] }[] };
  for (const p of rules.programmes) {
    texts.add(p.name);
    texts.add(p.agency);
    for (const b of p.legalBasis ?? []) texts.add(b.title);
  }
  for (const file of [join(DATA, 'tillvaxtverket-2018.csv'), join(DATA, 'examples', 'gavleborg-applications.csv')]) {
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
    // Names and headers, and amounts as published (a report shows the table's cells as they are: "164 000 00").
    for (const line of lines) for (const cell of line.split(/[;,\t]/)) if (/\p{L}| /u.test(cell.trim())) texts.add(cell.replace(/^"|"$/g, '').trim());
  }
  // Longest first, so a name is removed before a part of it.
  return [...texts].filter((t) => t.length > 1).sort((a, b) => b.length - a.length);
})();

/** What a reader reads of an output, without what this test does not judge. */
function readable(out: string | Buffer, kind: Kind): string {
  let text: string;
  if (kind === 'xlsx') {
    const files = unzipSync(new Uint8Array(out as Buffer));
    text = Object.entries(files)
      .filter(([name]) => /^xl\/(sharedStrings|worksheets\/sheet\d+|workbook)\.xml$/.test(name))
      .map(([, bytes]) => [...strFromU8(bytes).matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>|<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1] ?? m[2]).join('\n'))
      .join('\n');
  } else if (kind === 'html') {
    text = String(out)
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<code>[\s\S]*?<\/code>/g, ' ')
      .replace(/aria-label="([^"]*)"/g, '>$1<')
      .replace(/<[^>]*>/g, '\n')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  } else if (kind === 'json') {
    const texts: string[] = [];
    const walk = (v: unknown, key = ''): void => {
      if (typeof v === 'string' && ['message', 'description', 'adminNote', 'reason'].includes(key)) texts.push(v);
      else if (typeof v === 'string' && key === 'source' && v.includes(' ')) texts.push(v);
      else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(JSON.parse(String(out)));
    text = texts.join('\n');
  } else if (kind === 'github') {
    text = String(out).replace(/^::[a-z]+ [^\n]*?::/gm, ''); // severity and properties are GitHub's syntax
  } else text = String(out);
  for (const t of DATA_TEXTS) text = text.split(t).join(' ');
  return text
    .replace(/statsbidrag [a-z]+(?: [^\n]*)?/g, ' ') // a command line, as the provenance gives it
    .replace(/--[a-z-]+/g, ' ') // an option's name
    .replace(/(?<![\p{L}\p{N}])[a-z0-9]+(?:-[a-z0-9]+)+(?![\p{L}\p{N}])/gu, ' ') // codes and ids: broken-digit-grouping, seed-001
    .replace(/\S+\.(?:csv|json|html|xlsx|md)\b/g, ' ') // file names
    .replace(/'[^'\n]*'|‘[^’\n]*’|“[^”\n]*”/g, ' ') // a source quoted in its own language
    .replace(/"[^"\n]{0,40}"/g, ' '); // a cell, name or column quoted as the input has it
}

const EXAMPLE = 'gavleborg-applications';
const FIXTURES = join(DATA, '..', 'tests', 'fixtures', 'validate');
/** A table whose cells the amount parser refuses, each for another reason (its reasons are phrased in the locale). */
const UNREADABLE = join(tempDir(), 'unreadable.csv');
writeFileSync(UNREADABLE, 'Kommun;Belopp 2019\nA;1 000\nB;1e5\nC;1 00 000\nD;abc\nE;5 %\nF;1.000,000,5\n');
const TABLE = 'tillvaxtverket-2018';
const AWARD = ['award', EXAMPLE, '--ceiling', '300000', '--budget', '1 500 tkr'];
const AUDIT = ['audit', TABLE, '--basis', '2018', '--column', '2019'];

/** [name, args, kind]: each command in each format. xlsx and html write to --out (the file is judged). */
const CASES: [string, string[], Kind][] = [
  ['allocate table', ['allocate'], 'text'],
  ['allocate md', ['allocate', '--format', 'md'], 'text'],
  ['allocate csv', ['allocate', '--format', 'csv'], 'csv'],
  ['allocate json', ['allocate', '--format', 'json'], 'json'],
  ['allocate xlsx', ['allocate'], 'xlsx'],
  ['allocate --explain', ['allocate', '--year', '2018', '--explain'], 'text'],
  ['allocate --explain md', ['allocate', '--year', '2020-2027', '--method', 'sainte-lague', '--first-divisor', '1.4', '--explain', '--format', 'md'], 'text'],
  ['allocate --explain csv', ['allocate', '--year', '2019', '--explain', '--format', 'csv'], 'csv'],
  ['allocate --explain json', ['allocate', '--year', '2018', '--method', 'dhondt', '--explain', '--format', 'json'], 'json'],
  ['allocate floors and ceilings --explain', ['allocate', '--year', '2019', '--floor', '30000000', '--ceiling', '150000000', '--unit', '1000', '--explain'], 'text'],
  ['allocate --explain xlsx', ['allocate', '--year', '2018', '--method', 'sainte-lague', '--explain'], 'xlsx'],
  ['allocate on a list of one\'s own, md', ['allocate', '--data', TABLE, '--basis', '2018', '--total', '1 000 000', '--unit', '1000', '--format', 'md'], 'text'],
  ['allocate --scenario actual', ['allocate', '--scenario', 'actual'], 'text'],
  ['allocate --scenario what-if md', ['allocate', '--scenario', 'what-if', '--format', 'md'], 'text'],
  ['allocate --scenario actual xlsx', ['allocate', '--scenario', 'actual'], 'xlsx'],
  ['validate text', ['validate', TABLE], 'text'],
  ['validate json', ['validate', TABLE, '--format', 'json'], 'json'],
  ['validate github', ['validate', TABLE, '--format', 'github'], 'github'],
  ['validate --stated', ['validate', TABLE, '--stated', 'Belopp 2018=410 396 001', '--basis', '2018', '--unit', '1000'], 'text'],
  ['validate against allocate\'s options', ['validate', TABLE, '--data', TABLE, '--basis', '2018', '--total', '410396000', '--year', '2018', '--unit', '1000'], 'text'],
  ['validate a negative amount, json', ['validate', join(FIXTURES, 'negative.csv'), '--format', 'json'], 'json'],
  ['validate unreadable cells', ['validate', UNREADABLE, '--stated', 'Belopp 2019=100'], 'text'],
  ['validate unreadable cells, json', ['validate', UNREADABLE, '--stated', 'Belopp 2019=100', '--format', 'json'], 'json'],
  ['audit text', AUDIT, 'text'],
  ['audit json', [...AUDIT, '--format', 'json'], 'json'],
  ['compare table', ['compare', 'baseline', 'actual'], 'text'],
  ['compare md wide', ['compare', 'baseline', 'what-if', '--format', 'md', '--layout', 'wide'], 'text'],
  ['compare csv', ['compare', 'baseline', 'actual', '--format', 'csv'], 'csv'],
  ['compare json', ['compare', 'baseline', 'what-if', '--format', 'json'], 'json'],
  ['compare xlsx', ['compare', 'baseline', 'what-if'], 'xlsx'],
  ['award table', AWARD, 'text'],
  ['award md, proportional', [...AWARD, '--ration', 'proportional', '--format', 'md'], 'text'],
  ['award csv', [...AWARD, '--cost-share', '90%', '--format', 'csv'], 'csv'],
  ['award json', [...AWARD, '--format', 'json'], 'json'],
  ['award --partial, equal awards md', [...AWARD, '--partial', '--format', 'md'], 'text'],
  ['award equal awards', [...AWARD, '--ration', 'equal-awards', '--cost-share', '90%'], 'text'],
  ['award xlsx', AWARD, 'xlsx'],
  ['report (allocation)', ['report'], 'html'],
  ['report --compare', ['report', '--compare', 'baseline', 'actual'], 'html'],
  ['report --validate', ['report', '--validate', TABLE], 'html'],
];

/** Run one case in a locale; CSV in Swedish with Swedish headers (English headers are the machine form). */
function output(args: string[], kind: Kind, locale: 'sv' | 'en'): { status: number | null; out: string | Buffer; stderr: string } {
  const lang = locale === 'en' ? ['--locale', 'en'] : [];
  if (kind === 'xlsx' || kind === 'html') {
    const file = join(tempDir(), kind === 'xlsx' ? 'out.xlsx' : 'out.html');
    const r = run([...args, ...lang, '--out', file]);
    return { status: r.status, out: readFileSync(file, kind === 'xlsx' ? undefined : 'utf8'), stderr: r.stderr };
  }
  const csv = kind === 'csv' && locale === 'sv' ? ['--headers', 'sv'] : [];
  const r = run([...args, ...lang, ...csv]);
  return { status: r.status, out: r.stdout, stderr: r.stderr };
}

/** A number written as the other locale writes it: "1,350,000" or "3.44 %" in Swedish; "1 350 000" or "3,44 %" in English. */
const NUMBER_OF_OTHER = {
  sv: /(?<![\p{L}\p{N}.,:])\d{1,3}(?:,\d{3})+(?![\p{N}])|\d\.\d+ ?%/u,
  en: /(?<![\p{L}\p{N}.,:])\d{1,3}(?: \d{3})+(?![\p{N}])|\d,\d+ ?%/u,
} as const;

/** A JSON document without its provenance's command line (which names --locale). */
const withoutCommand = (json: string): string => json.replace(/^\s*"command": .*$/m, '');

const own = { sv: SWEDISH_WORDS, en: ENGLISH_WORDS } as const;
const other = { sv: ENGLISH_WORDS, en: SWEDISH_WORDS } as const;

/** The other language's words in a text, each with a little context, for the failure message. */
function foreign(text: string, words: RegExp): string[] {
  const global = new RegExp(words.source, 'gu');
  return [...text.matchAll(global)].slice(0, 8).map((m) => `"${m[0]}" in …${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ')}…`);
}

describe('every command and format in one language (built CLI)', () => {
  it.each(CASES)('%s', (_name, args, kind) => {
    for (const locale of ['sv', 'en'] as const) {
      const r = output(args, kind, locale);
      expect(r.status, `${locale}: ${r.stderr}`).not.toBe(2);
      expect(r.stderr, locale).toBe('');
      const text = readable(r.out, kind);
      if (kind === 'json' && text.trim() === '') {
        // No sentence in it (allocate's and compare's JSON): machine values only, the same in both locales.
        if (locale === 'en') expect(withoutCommand(String(r.out)), 'JSON without sentences is the same in both locales').toBe(withoutCommand(String(output(args, kind, 'sv').out)));
        continue;
      }
      expect(text, `${locale}: some of the output is in its own language`).toMatch(own[locale]);
      expect(foreign(text, other[locale]), `${locale}: words of the other language`).toEqual([]);
      // Numbers in the locale's form: no English grouping or decimal point in Swedish, no Swedish grouping or decimal comma in English.
      if (kind !== 'json' && kind !== 'csv') expect(foreign(text, NUMBER_OF_OTHER[locale]), `${locale}: numbers in the other locale's form`).toEqual([]);
    }
  });

  it('the CSV with English headers in the Swedish locale is the machine form: English codes, as in --locale en', () => {
    const sv = run(['allocate', '--year', '2019', '--explain', '--format', 'csv']);
    const en = run(['allocate', '--year', '2019', '--explain', '--format', 'csv', '--locale', 'en']);
    expect(sv.stdout).toBe(en.stdout);
    expect(sv.stdout).toMatch(/^period,method,/);
    expect(sv.stdout).toMatch(/,round-nearest,/);
  });

  it('stderr stays English in both locales: the error line and its code words', () => {
    for (const locale of [[], ['--locale', 'en']]) {
      const r = run(['allocate', '--data', join(DATA, '..', 'tests', 'fixtures', 'does-not-exist.csv'), '--basis', 'x', '--total', '1', ...locale]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^statsbidrag: .*no such file\n$/);
    }
  });
});
