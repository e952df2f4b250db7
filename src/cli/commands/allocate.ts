/** `statsbidrag allocate`: options → the allocate use case → a renderer → emit. */
import { allocateUseCase } from '../../app/allocate.js';
import { statSync } from 'node:fs';
import { readBytes } from '../../io/read.js';
import { runGuarded } from '../guard.js';
import { progressFor, type Progress } from '../progress.js';
import { allocationOptionsFrom, renderOptionsFrom } from '../options.js';
import type { AllocateFlags } from '../declarations/allocate.js';
import { emit, emitAs, type Outcome } from '../output.js';
import { stdoutIsFile } from '../../io/write.js';
import type { RenderOptions } from '../../render/output.js';


/** Bytes in a data file (0 when it cannot be seen: the reader then says what is wrong). */
function sizeOf(file: string | undefined): number {
  if (file === undefined) return 0;
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export async function runAllocate(flags: AllocateFlags): Promise<Outcome> {
  const render = await renderOptionsFrom('allocation', flags);
  // A large input runs in a watched child process, so running out of memory ends in one line (cli/guard.ts).
  const stdin = flags.data === '-' && flags.scenario === undefined ? await readBytes('-') : undefined;
  const guarded = flags.scenario === undefined ? await runGuarded(stdin?.length ?? sizeOf(flags.data), stdin) : undefined;
  if (guarded !== undefined) return { exit: guarded };
  // No progress line while the output itself goes to the same terminal: the lane writes as it goes,
  // and the line would land between the rows.
  const toTerminal = (flags.out === undefined || flags.out === '-') && !stdoutIsFile() && process.stdout.isTTY === true;
  const progress = render.format !== 'xlsx' && !toTerminal ? progressFor(flags.quiet) : undefined;
  try {
    return await allocateWith(flags, render, stdin, progress);
  } finally {
    // Erased on every way out, an error's line included.
    progress?.done();
  }
}

async function allocateWith(flags: AllocateFlags, render: RenderOptions, stdin: Uint8Array | undefined, progress: Progress | undefined): Promise<Outcome> {
  const result = await allocateUseCase({
    dataBytes: stdin,
    ...allocationOptionsFrom(flags),
    bulk:
      render.format !== 'xlsx'
        ? {
            format: render.format,
            csv: render.csv,
            command: render.command,
            locale: render.locale,
            paint: render.paint,
            totalLabel: flags.total,
            ...(progress ? { progress: progress.update } : {}),
          }
        : undefined,
  });
  if (result.kind === 'bulk') {
    await emit(result.chunks, flags.out);
    return 'pass';
  }
  const view = { ...result, totalLabel: flags.total };
  progress?.done();
  await emitAs('allocation', render.format, view, render, flags.out);
  return 'pass';
}
