/**
 * `statsbidrag report`: options → the report use case → one self-contained HTML page → emit.
 * The page is made by render/html (imported here, so only this command loads it and d3-scale).
 */
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { reportUseCase, type ScenarioInfo } from '../../app/report.js';
import type { NumberLocale } from '../../core/amount.js';
import type { Programme } from '../../core/programme.js';
import { DEFAULT_RULES } from '../../io/load.js';
import { packageRoot, packageVersion } from '../../io/paths.js';
import { allocationOptionsFrom, amountOption, choiceOption, commandLine } from '../options.js';
import type { ReportFlags } from '../declarations/report.js';
import { decided, emit, type Verdict } from '../output.js';

/** A bundled file by its path in the package ("data/rules.json"), any other as the user named it. */
function shown(file: string): string {
  const root = packageRoot() + sep;
  return file.startsWith(root) ? relative(packageRoot(), file).split(sep).join('/') : file;
}

const legal = (p: Programme | undefined) => (p ? { legalBasis: p.legalBasis.map((b) => ({ ref: b.ref, title: b.title })) } : {});
const scenarioShown = (s: ScenarioInfo): ScenarioInfo => ({ ...s, ...(s.file ? { file: shown(s.file) } : {}) });

/** The options of `allocate` that say where the recipients and rules come from, as given: the page's command line starts with them. */
function sourceArgs(flags: ReportFlags): string[] {
  const pairs: [string, string | undefined][] = [
    ['--scenario', flags.scenario],
    ['--programme', flags.programme],
    ['--rules', flags.rules],
    ['--data', flags.data],
    ['--sheet', flags.sheet],
    ['--header-row', flags.headerRow],
    ['--basis', flags.basis],
    ['--id', flags.id],
    ['--floor-column', flags.floorColumn],
    ['--ceiling-column', flags.ceilingColumn],
    // "error" is the default: only "leave" is written.
    ['--rest', flags.rest === 'leave' ? 'leave' : undefined],
  ];
  return pairs.flatMap(([option, value]) => (value === undefined ? [] : [option, value]));
}

export async function runReport(flags: ReportFlags): Promise<Verdict> {
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  const content = await reportUseCase(
    {
      ...allocationOptionsFrom(flags),
      explain: true,
      compare: flags.compare,
      validate: flags.validate,
      tolerance: amountOption('--tolerance', flags.tolerance),
    },
    existsSync,
  );
  const html = await import('../../render/html/index.js');
  const base = { locale, command: commandLine(), version: packageVersion() };
  const rules = shown(content.rules ?? DEFAULT_RULES);
  const programmeInfo = (p: Programme) => ({ id: p.id, name: p.name, agency: p.agency });
  switch (content.kind) {
    case 'validation': {
      const meta = { ...base, sources: { table: shown(flags.validate!), rules }, ...legal(content.programme) };
      decided(content.verdict);
      await emit(html.renderValidationReport(content.report, content.table, meta, { programme: programmeInfo(content.programme) }), flags.out);
      return content.verdict;
    }
    case 'comparison': {
      const l = html.labelsFor(locale);
      const [a, b] = content.sides;
      const ruleLines = [...html.ruleLines(l, a, locale).map((r) => `A: ${r}`), ...html.ruleLines(l, b, locale).map((r) => `B: ${r}`)];
      const sources = content.data
        ? { data: content.data.map(shown), ...(content.rules !== undefined || content.programme ? { rules } : {}) }
        : { scenarios: content.scenarios!.map(scenarioShown), rules };
      const meta = { ...base, sources, ...legal(content.programme) };
      await emit(html.renderComparisonReport(content.comparison, meta, { rules: ruleLines, ...(content.programme ? { programme: programmeInfo(content.programme) } : {}) }), flags.out);
      return 'pass';
    }
    case 'allocation': {
      const meta = {
        ...base,
        sources: {
          ...(content.scenario ? { scenarios: [scenarioShown(content.scenario)] } : {}),
          data: [shown(content.data)],
          ...(content.programme ? { rules } : {}),
        },
        ...legal(content.programme),
      };
      const whatIf = html.whatIfData({
        locale,
        allocation: content.allocation,
        programme: content.programme,
        scenarioOptions: content.scenarioOptions,
        settings: {
          total: flags.total ?? '',
          admin: flags.admin ?? '',
          unit: flags.unit ?? '',
          method: flags.method ?? '',
          'first-divisor': flags.firstDivisor ?? '',
          // "all" is the option's default: every year, as an empty control.
          year: flags.year === undefined || flags.year.toLowerCase() === 'all' ? '' : flags.year,
          floor: flags.floor ?? '',
          ceiling: flags.ceiling ?? '',
        },
        rest: flags.rest === 'leave' ? 'leave' : 'error',
        args: sourceArgs(flags),
        scenario: content.scenario?.name,
        source: content.source,
        explain: content.explained,
      });
      await emit(html.allocationReportChunks(content.allocation, meta, { ...(content.scenario ? { scenario: content.scenario.name } : {}), whatIf }), flags.out);
      return 'pass';
    }
  }
}
