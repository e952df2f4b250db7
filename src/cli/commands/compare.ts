/** `statsbidrag compare A B`: options → the compare use case → a renderer → emit. */
import { compareInputsUseCase } from '../../app/compare.js';
import { COMPARE_LAYOUTS } from '../../render/compare.js';
import type { CompareFlags } from '../declarations/compare.js';
import { choiceOption, renderOptionsFrom, yearOption } from '../options.js';
import { emitAs } from '../output.js';
import { note } from '../../io/notes.js';
import { labelsFor } from '../../render/labels.js';

export async function runCompare(a: string, b: string, flags: CompareFlags): Promise<void> {
  const render = await renderOptionsFrom('comparison', flags);
  const layout = choiceOption('--layout', flags.layout, COMPARE_LAYOUTS, 'long');
  const { comparison, source } = await compareInputsUseCase({
    a,
    b,
    rules: flags.rules,
    basis: flags.basis,
    years: yearOption(flags.year),
    order: choiceOption('--order', flags.order, ['change', 'input'] as const, 'change'),
  });
  // The table and Markdown say which cells were read by repair among their notes; the other formats
  // (CSV, JSON, xlsx) have no place for it: said on stderr, as a total row set aside is.
  if (render.format !== 'table' && render.format !== 'md') {
    // The sentence the English table writes (render/labels.ts), as every note on stderr is in English.
    const { compareRepair } = labelsFor('en');
    for (const r of comparison.repairs ?? []) note(compareRepair(r.label, r.line, r.column, r.raw, r.value.toFixed()));
  }
  // A file named by --out is written chunk by chunk before the next is asked for (io/durable.ts): the CSV writer fills one buffer again.
  const reuseChunks = flags.out !== undefined && flags.out !== '-';
  await emitAs('comparison', render.format, { comparison, source, layout, reuseChunks }, render, flags.out);
}
