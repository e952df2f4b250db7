/** Colour is decided from the stream and the environment (chalk ignores NO_COLOR). */
import { describe, expect, it } from 'vitest';
import { colourLevel } from '../../src/cli/color.js';

describe('colourLevel', () => {
  const tty = { isTTY: true };
  it('FORCE_COLOR=0 or false turns colour off, on a terminal too', () => {
    expect(colourLevel(tty, {}, undefined)).toBe(1);
    expect(colourLevel(tty, { FORCE_COLOR: '0' }, undefined)).toBe(0);
    expect(colourLevel(tty, { FORCE_COLOR: 'false' }, undefined)).toBe(0);
  });

  it('FORCE_COLOR=1 turns it on for a pipe; NO_COLOR and --no-color win', () => {
    expect(colourLevel({}, { FORCE_COLOR: '1' }, undefined)).toBe(1);
    expect(colourLevel({}, { FORCE_COLOR: '1', NO_COLOR: '1' }, undefined)).toBe(0);
    expect(colourLevel(tty, { FORCE_COLOR: '1' }, false)).toBe(0);
  });
});
