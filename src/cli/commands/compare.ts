/** `statsbidrag compare A B`: options → the compare use case → a renderer → emit. */
import { compareInputsUseCase } from '../../app/compare.js';
import { COMPARE_LAYOUTS, renderComparison } from '../../render/compare.js';
import { comparisonWorkbook, xlsxChunks } from '../../render/xlsx.js';
import { type CsvFlags, choiceOption, renderOptionsFrom, yearOption } from '../options.js';
import { emit } from '../output.js';
import { provenanceOf } from '../../render/output.js';

export interface CompareFlags extends CsvFlags {
  rules?: string;
  year?: string;
  order?: string;
  layout?: string;
  format?: string;
  locale?: string;
  out?: string;
  color?: boolean;
}

export async function runCompare(a: string, b: string, flags: CompareFlags): Promise<void> {
  const render = await renderOptionsFrom(flags);
  const layout = choiceOption('--layout', flags.layout, COMPARE_LAYOUTS, 'long');
  const { comparison, source } = await compareInputsUseCase({
    a,
    b,
    rules: flags.rules,
    years: yearOption(flags.year),
    order: choiceOption('--order', flags.order, ['change', 'input'] as const, 'change'),
  });
  if (render.format === 'xlsx') return emit(xlsxChunks(comparisonWorkbook(comparison, render.locale, provenanceOf(source, render), layout)), flags.out);
  await emit(renderComparison(comparison, render, source, layout), flags.out);
}
