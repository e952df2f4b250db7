/**
 * Allocate on both paths (property tests of the bulk lane): the general path's bytes or error, and
 * the use case's with the lane offered (app/allocate.ts onLane), and the notes each said.
 */
import { expect } from 'vitest';
import { allocateUseCase, type AllocateRequest } from '../../src/app/allocate.js';
import type { Chunks } from '../../src/app/bulk.js';
import { setNoteSink } from '../../src/io/notes.js';
import { renderAllocation } from '../../src/render/formats.js';
import { DEFAULT_RENDER } from '../../src/render/output.js';

export const joined = (chunks: Chunks): string => {
  if (!(Symbol.iterator in chunks)) throw new Error('a text format was written asynchronously');
  return Buffer.concat([...chunks].map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');
};

/** What the general path says for a request (its bytes, or its error), and what the use case with the lane offered says; the notes each said. */
export async function bothPaths(request: AllocateRequest, format: 'csv' | 'json' | 'md'): Promise<{ general: string | Error; lane: string | Error; taken: boolean; notes: string[][] }> {
  const command = 'statsbidrag allocate';
  const render = { ...DEFAULT_RENDER, format, command };
  const attempt = async <T,>(f: () => Promise<T>): Promise<T | Error> => f().catch((e: Error) => e);
  const notes: string[][] = [[], []];
  const noted = async <T,>(k: number, f: () => Promise<T>): Promise<T> => {
    const before = setNoteSink((text) => notes[k]!.push(text));
    try {
      return await f();
    } finally {
      setNoteSink(before);
    }
  };
  const general = await noted(0, () =>
    attempt(async () => {
      const result = await allocateUseCase(request);
      if (result.kind !== 'allocation') throw new Error('the general path made a bulk result');
      return [...renderAllocation({ ...result, totalLabel: '1000000' }, render)].join('');
    }),
  );
  const lane = await noted(1, () => attempt(() => allocateUseCase({ ...request, bulk: { format, command, totalLabel: '1000000' } })));
  if (lane instanceof Error) return { general, lane, taken: false, notes };
  const bytes = lane.kind === 'bulk' ? joined(lane.chunks) : [...renderAllocation({ ...lane, totalLabel: '1000000' }, render)].join('');
  return { general, lane: bytes, taken: lane.kind === 'bulk', notes };
}


/** The lane said what the general path said: the same notes, and the same bytes or an error with the same message. */
export function expectSameAsGeneral({ general, lane, notes }: { general: string | Error; lane: string | Error; notes: string[][] }): void {
  expect(notes[1]).toEqual(notes[0]);
  if (general instanceof Error) {
    expect(lane).toBeInstanceOf(Error);
    expect((lane as Error).message).toBe(general.message);
  } else expect(lane).toBe(general);
}
