/** Numbers as Swedish and agency tables write them, and what the general reader reads otherwise or refuses (property tests of the byte readers). */
import fc from 'fast-check';

const SPACES = [' ', '\u00a0', '\u202f', '\u2009', '\u2007', '\u2002', '  ', '\u2008'];

/** A whole number's digits in threes with `sep` between them. */
export const grouped = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+$)/g, sep);

/** A weight as lists write it: plain, a decimal comma, grouped by a kind of space, and what the general path reads otherwise or refuses. */
export const weightText = fc.oneof(
  { weight: 3, arbitrary: fc.nat({ max: 99_999_999 }).map(String) },
  { weight: 3, arbitrary: fc.tuple(fc.nat({ max: 9_999_999 }), fc.stringMatching(/^\d{1,4}$/)).map(([n, f]) => `${n},${f}`) },
  { weight: 1, arbitrary: fc.tuple(fc.nat({ max: 9_999_999 }), fc.stringMatching(/^\d{1,3}$/)).map(([n, f]) => `${n}.${f}`) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.nat({ max: 999_999_999 }), fc.constantFrom(...SPACES), fc.option(fc.tuple(fc.constantFrom(',', '.'), fc.stringMatching(/^\d{1,3}$/)), { nil: undefined }))
      .map(([n, sep, f]) => `${grouped(n, sep)}${f ? f.join('') : ''}`),
  },
  // Dots or commas grouping thousands, ambiguous separators, broken groups, signs, words, long numbers.
  { weight: 2, arbitrary: fc.constantFrom('1.234.567', '1.234.567,5', '1,234,567', '1,350', '12.345', '0,125', '1 23', '1234 567', '1 234 ,5', '1 234,', '12 345.', '-5', '+5', '5 kr', '1,5 miljoner', ',5', '5,', '007', '00,5', '1 000.000', '123456789012345,6', '1234567890123456', '') },
);

