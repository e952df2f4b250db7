/** cellRows: the terminal table measures and writes a streamed body; a short one is made once, a long one afresh for the lines, with the same text. */
import { describe, expect, it } from 'vitest';
import { cellRows, markdownChunks, tableChunks, type Grid } from '../../src/render/grid.js';

function counted(n: number): { grid: Grid; made: () => number } {
  let made = 0;
  const grid: Grid = {
    columns: [
      { header: 'Namn', align: 'left' },
      { header: 'Belopp', align: 'right' },
    ],
    body: [['först', '1']],
    streamed: cellRows(function* () {
      made++;
      for (let i = 0; i < n; i++) yield [`mottagare ${i}`, String(i * 7)];
    }),
    footer: [['Summa', String(n)]],
  };
  return { grid, made: () => made };
}

/** The same table from a body held as rows, as the non-streamed path writes it. */
function held(n: number): Grid {
  return {
    columns: [
      { header: 'Namn', align: 'left' },
      { header: 'Belopp', align: 'right' },
    ],
    body: [['först', '1'], ...Array.from({ length: n }, (_, i) => [`mottagare ${i}`, String(i * 7)])],
    footer: [['Summa', String(n)]],
  };
}

describe('cellRows', () => {
  it('makes a short body once for the terminal table (widths, then lines), with the text of a held body', () => {
    const { grid, made } = counted(40);
    expect([...tableChunks(grid)].join('')).toBe([...tableChunks(held(40))].join(''));
    expect(made()).toBe(1);
  });

  it('makes a body longer than a chunk again for the lines, with the same text', () => {
    const n = 2049;
    const { grid, made } = counted(n);
    expect([...tableChunks(grid)].join('')).toBe([...tableChunks(held(n))].join(''));
    expect(made()).toBe(2);
  });

  it('writes Markdown in one pass', () => {
    const { grid, made } = counted(5);
    expect([...markdownChunks(grid)].join('')).toBe([...markdownChunks(held(5))].join(''));
    expect(made()).toBe(1);
  });
});
