/**
 * `statsbidrag report`: one self-contained HTML page for an allocation (allocate's options), a
 * comparison of two scenarios or two tables (--compare A B), or a validation (--validate TABLE).
 * Wiring only: inputs are loaded by the same exported functions the other commands use, the page
 * is made by render/html (imported here, so only this command loads it and d3-scale), and written
 * with writeOutput.
 */
import { existsSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import type { NumberLocale } from '../../core/amount.js';
import { compare } from '../../core/compare.js';
import { StatsbidragError } from '../../core/errors.js';
import type { Programme } from '../../core/programme.js';
import { packageRoot, packageVersion } from '../../io/paths.js';
import { writeOutput } from '../../io/write.js';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes.js';
import { choiceOption, yearOption } from '../options.js';
import { allocateSetup, setUpAllocation, type AllocateFlags } from './allocate.js';

export interface ReportFlags extends AllocateFlags {
  /** Two scenarios (files, bundled names, baseline) or two recipient tables. */
  compare?: string[];
  /** A published table to validate. */
  validate?: string;
  tolerance?: string;
}

/** One argument as a POSIX shell word: bare when safe, else single-quoted. */
export function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The command line as typed (after the program name), to reproduce the report. */
function commandLine(): string {
  const args = process.argv.slice(2);
  return ['statsbidrag', ...args.map(shellWord)].join(' ');
}

/** A bundled file by its path in the package ("data/rules.json"), any other as the user named it. */
function shown(file: string): string {
  const root = packageRoot() + sep;
  return file.startsWith(root) ? relative(packageRoot(), file).split(sep).join('/') : file;
}

const isTable = (spec: string): boolean => /\.(csv|tsv|txt)$/i.test(spec) && existsSync(spec);

const optionName = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Options that only shape an allocation; refused where they would be ignored. */
const ALLOCATION_KEYS = ['data', 'scenario', 'basis', 'id', 'total', 'admin', 'unit', 'method', 'firstDivisor', 'floor', 'ceiling', 'floorColumn', 'ceilingColumn'] as const;

function refuse(flags: ReportFlags, keys: readonly (keyof ReportFlags)[], why: string): void {
  const clash = keys.find((k) => flags[k] !== undefined);
  if (clash) throw new StatsbidragError('invalid-option', `${optionName(clash)}: ${why}`, {}, 'usage');
}

const legal = (p: Programme | undefined) => (p ? { legalBasis: p.legalBasis.map((b) => ({ ref: b.ref, title: b.title })) } : {});

export async function runReport(flags: ReportFlags): Promise<void> {
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  const html = await import('../../render/html/index.js');
  const base = { locale, command: commandLine(), version: packageVersion() };
  const rulesShown = shown(flags.rules ?? `${packageRoot()}${sep}data${sep}rules.json`);
  if (flags.validate !== undefined && flags.compare !== undefined) {
    throw new StatsbidragError('invalid-option', '--validate and --compare: give one of them', {}, 'usage');
  }

  if (flags.validate !== undefined) {
    refuse(flags, ['data', 'scenario', 'total', 'admin', 'unit', 'method', 'firstDivisor', 'floor', 'ceiling', 'floorColumn', 'ceilingColumn'], 'does not apply to --validate');
    if (flags.year !== undefined && flags.year !== 'all') refuse(flags, ['year'], 'does not apply to --validate');
    const { validateFile } = await import('./validate.js');
    const { report, table, programme } = await validateFile(flags.validate, flags, locale);
    const meta = { ...base, sources: { table: shown(flags.validate), rules: rulesShown }, ...legal(programme) };
    await writeOutput(html.renderValidationReport(report, table, meta, { programme: { id: programme.id, name: programme.name, agency: programme.agency } }), flags.out);
    process.exitCode = report.valid ? EXIT_OK : EXIT_CHECK_FAILED;
    return;
  }

  if (flags.compare !== undefined) {
    if (flags.compare.length !== 2) throw new StatsbidragError('invalid-option', `--compare: give two scenarios or two tables, not ${flags.compare.length}`, {}, 'usage');
    const [specA, specB] = flags.compare as [string, string];
    const l = html.labelsFor(locale);
    if (isTable(specA) !== isTable(specB)) throw new StatsbidragError('invalid-option', '--compare: give two scenarios or two tables, not one of each', {}, 'usage');
    if (isTable(specA)) {
      // Two recipient tables, each split with the same options, as `allocate --data FILE` would.
      refuse(flags, ['data', 'scenario'], '--compare names the two tables');
      const sides = [];
      for (const file of [specA, specB]) {
        const setup = await setUpAllocation({ ...flags, data: file });
        sides.push({ file, setup, allocation: (await allocateSetup(setup)).allocation });
      }
      const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]];
      const years = yearOption(flags.year);
      const comparison = compare({ label: basename(a.file), allocation: a.allocation }, { label: basename(b.file), allocation: b.allocation }, { order: 'change', ...(years ? { years } : {}) });
      if (comparison.years.length === 0) {
        // A free split (--total, no programme) has no years to line up unless --year names one.
        throw new StatsbidragError('no-common-years', `the two tables have no year in common${years ? '' : '; name one with --year (e.g. --year 2024)'}`, { field: '--year' }, 'usage');
      }
      const meta = { ...base, sources: { data: [shown(a.file), shown(b.file)], ...(a.setup.useProgramme ? { rules: rulesShown } : {}) }, ...legal(a.setup.programme) };
      const rules = [...html.ruleLines(l, a.allocation, locale).map((r) => `A: ${r}`), ...html.ruleLines(l, b.allocation, locale).map((r) => `B: ${r}`)];
      await writeOutput(html.renderComparisonReport(comparison, meta, { rules, ...(a.allocation.programme ? { programme: a.allocation.programme } : {}) }), flags.out);
      return;
    }
    refuse(flags, ALLOCATION_KEYS, 'a scenario names its own recipients and figures; --compare with scenarios takes --year and --rules');
    const { compareScenarios } = await import('./compare.js');
    const { comparison, runA, runB } = await compareScenarios(specA, specB, {
      order: 'change',
      ...(flags.year !== undefined && flags.year !== 'all' ? { year: flags.year } : {}),
      ...(flags.rules !== undefined ? { rules: flags.rules } : {}),
    });
    const scenario = (run: typeof runA) => ({ name: run.scenario.name, ...(run.file ? { file: shown(run.file) } : {}), ...(run.scenario.description ? { description: run.scenario.description } : {}) });
    const meta = { ...base, sources: { scenarios: [scenario(runA), scenario(runB)], rules: rulesShown }, ...legal(runA.programme) };
    const rules = [...html.ruleLines(l, runA.allocation, locale).map((r) => `A: ${r}`), ...html.ruleLines(l, runB.allocation, locale).map((r) => `B: ${r}`)];
    await writeOutput(html.renderComparisonReport(comparison, meta, { rules, programme: { id: runA.programme.id, name: runA.programme.name, agency: runA.programme.agency } }), flags.out);
    return;
  }

  // An allocation, always with its explanation.
  const setup = await setUpAllocation({ ...flags, explain: true });
  const { allocation } = await allocateSetup(setup);
  const scenarioRun = setup.scenarioRun;
  const meta = {
    ...base,
    sources: {
      ...(scenarioRun
        ? { scenarios: [{ name: scenarioRun.scenario.name, ...(scenarioRun.file ? { file: shown(scenarioRun.file) } : {}), ...(scenarioRun.scenario.description ? { description: scenarioRun.scenario.description } : {}) }] }
        : {}),
      data: [shown(setup.dataFile)],
      ...(setup.useProgramme ? { rules: rulesShown } : {}),
    },
    ...legal(setup.programme),
  };
  await writeOutput(html.renderAllocationReport(allocation, meta, scenarioRun ? { scenario: scenarioRun.scenario.name } : {}), flags.out);
}
