/** `statsbidrag allocate`, declared: its options, defaults, choices and help examples (cli/declare.ts). */
import { declareCommand, type FlagsOf } from '../declare.js';
import { ALLOCATION_OPTIONS, OUTPUT_OPTIONS } from './shared.js';

export const allocate = declareCommand({
  name: 'allocate',
  description: 'split a programme\'s money (or any amount) among recipients in proportion to a weight column',
  arguments: [],
  options: [...ALLOCATION_OPTIONS, ...OUTPUT_OPTIONS],
  writes: ['allocation'],
  examples: `
Examples:
  $ statsbidrag allocate
      the Tillväxtverket grant to 32 municipalities, 2018, 2019 and 2020–2027, from the bundled data
  $ statsbidrag allocate --year 2019 --format csv --out 2019.csv
  $ statsbidrag allocate --year 2020-2027 --admin 2% --method largest-remainder
  $ statsbidrag allocate --data tillvaxtverket-2018 --basis "Belopp 2018" --total "1,35 miljarder" --unit 1000
      split any list (a CSV file, or a bundled table by name): no programme needed when --total is given
  $ statsbidrag allocate --year 2019 --format csv | statsbidrag allocate --data - --basis weight --total 1000000 --format json

Where the money comes from:
  With a programme (the default, or --programme ID), each period's stated total, administrative
  costs, unit and method come from the rules file; --total, --admin, --unit and --method replace
  them. With --total and no --programme, the whole total (less --admin) is split.

Amounts accept Swedish and plain forms: 9 979 000, 1 350 000 000,50, "1,35 miljarder", 425 miljoner kr.
`,
});

export type AllocateFlags = FlagsOf<typeof allocate>;
