/** `statsbidrag allocate`: options → the allocate use case → a renderer → emit. */
import { allocateOnLane, allocateUseCase, type AllocateRequest } from '../../app/allocate.js';
import { statSync } from 'node:fs';
import { readBytes } from '../../io/read.js';
import { guardRole, runGuarded } from '../guard.js';
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
  const stdin = flags.data === '-' && flags.scenario === undefined ? await readBytes('-') : undefined;
  // A large input the streamed lane does not take runs in a watched child process, so running out
  // of memory ends in one line (cli/guard.ts); the lane itself runs here, in bounded memory.
  const role = flags.scenario === undefined ? guardRole(stdin?.length ?? sizeOf(flags.data)) : 'none';
  // No progress line while the output itself goes to the same terminal: the lane writes as it goes,
  // and the line would land between the rows.
  const toTerminal = (flags.out === undefined || flags.out === '-') && !stdoutIsFile() && process.stdout.isTTY === true;
  const progress = render.format !== 'xlsx' && !toTerminal ? progressFor(flags.quiet) : undefined;
  try {
    const request = allocateRequest(flags, render, stdin, progress);
    if (role === 'parent') {
      const lane = await allocateOnLane(request);
      if (lane === undefined) {
        progress?.done();
        return { exit: await runGuarded(stdin) };
      }
      await emit(lane.chunks, flags.out);
      return 'pass';
    }
    // The guarded child: its parent's lane declined this request, so it goes to the general path.
    return await allocateWith(flags, render, role === 'child' ? { ...request, bulk: undefined } : request, progress);
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
