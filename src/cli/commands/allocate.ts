/** `statsbidrag allocate`: options → the allocate use case → a renderer → emit. */
import { allocateUseCase, type AllocateRequest } from '../../app/allocate.js';
import { readBytes } from '../../io/read.js';
import { progressFor, type Progress } from '../progress.js';
import { allocationOptionsFrom, renderOptionsFrom } from '../options.js';
import type { AllocateFlags } from '../declarations/allocate.js';
import { emit, emitAs, type Outcome } from '../output.js';
import { stdoutIsFile } from '../../io/write.js';
import type { RenderOptions } from '../../render/output.js';

/**
 * Every run is in this process, in bounded memory: the streamed lane splits what it takes (app/bulk.ts),
 * and the general path refuses a list too large for the heap before it makes a row (app/heap-budget.ts).
 */
export async function runAllocate(flags: AllocateFlags): Promise<Outcome> {
  const render = await renderOptionsFrom('allocation', flags);
  const stdin = flags.data === '-' && flags.scenario === undefined ? await readBytes('-') : undefined;
  // No progress line while the output itself goes to the same terminal: the lane writes as it goes,
  // and the line would land between the rows.
  const toTerminal = (flags.out === undefined || flags.out === '-') && !stdoutIsFile() && process.stdout.isTTY === true;
  const progress = render.format !== 'xlsx' && !toTerminal ? progressFor(flags.quiet) : undefined;
  try {
    return await allocateWith(flags, render, allocateRequest(flags, render, stdin, progress), progress);
  } finally {
    // Erased on every way out, an error's line included.
    progress?.done();
  }
}

function allocateRequest(flags: AllocateFlags, render: RenderOptions, stdin: Uint8Array | undefined, progress: Progress | undefined): AllocateRequest {
  return {
    dataBytes: stdin,
    ...allocationOptionsFrom(flags),
    bulk:
      render.format !== 'xlsx' || !flags.explain
        ? {
            format: render.format,
            csv: render.csv,
            command: render.command,
            locale: render.locale,
            paint: render.paint,
            totalLabel: flags.total,
            // A file named by --out is written chunk by chunk before the next is asked for (io/durable.ts).
            reuseChunks: flags.out !== undefined && flags.out !== '-',
            ...(progress ? { progress: progress.update } : {}),
          }
        : undefined,
  };
}

async function allocateWith(flags: AllocateFlags, render: RenderOptions, request: AllocateRequest, progress: Progress | undefined): Promise<Outcome> {
  const result = await allocateUseCase(request);
  if (result.kind === 'bulk') {
    await emit(result.chunks, flags.out);
    return 'pass';
  }
  const view = { ...result, totalLabel: flags.total };
  progress?.done();
  await emitAs('allocation', render.format, view, render, flags.out);
  return 'pass';
}
