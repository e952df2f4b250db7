/** `statsbidrag award APPLICATIONS`, declared: its options, defaults, choices and help examples (cli/declare.ts). */
import { declareCommand, type FlagsOf } from '../declare.js';
import { OUTPUT_OPTIONS } from './shared.js';

export const award = declareCommand({
  name: 'award',
  description: 'award grants on applications: admit by organisation type, cap each request, ration an oversubscribed budget',
  arguments: [{ name: '<applications>', description: 'applications CSV (- for stdin): applicant, type, requested, cost; optional priority, region, years' }],
  options: [
    { flags: '--programme <id>', description: 'programme in the rules (default: the first that awards on applications, delmos)' },
    { flags: '--rules <file>', description: 'grant rules JSON (default: the bundled data/rules.json)' },
    { flags: '--year <year>', description: 'the call\'s year or years (a multi-year decision, e.g. 2021-2023) for applications with no years column' },
    { flags: '--budget <amount>', description: 'money per year, replacing the rules\' budgets and commitments; ORDINANCE=AMOUNT (e.g. "2018:118=57 miljoner") limits one ordinance\'s applicants within it; repeatable (default: the rules\' budgets per year)', repeatable: true },
    { flags: '--ration <rule>', description: 'how to decide when capped requests exceed the money: priority = rank and approve, as Delmos did (scores, or the file\'s order when it has none; default); proportional or equal-awards cut every request', choices: ['priority', 'proportional', 'equal-awards'] },
    { flags: '--partial', description: 'priority: an application that does not fit in full gets what is left (default: it is refused and the next is considered)' },
    { flags: '--ceiling <amount>', description: 'most an applicant may get per year (replaces the rules\')' },
    { flags: '--cost-share <percent>', description: 'most the grant may cover of a measure\'s cost, e.g. 90% (replaces the rules\')' },
    { flags: '--unit <amount>', description: 'rounding unit of the awards (default: the rules\' award unit, else whole kronor)' },
    ...OUTPUT_OPTIONS,
  ],
  writes: ['awards'],
  examples:
    '\nExamples:\n  $ statsbidrag award gavleborg-applications --ceiling 300000 --budget "1 788 tkr"\n      reproduces the Delmos awards in Gävleborg 2018 (seed 002); the bundled example, by name\n  $ statsbidrag award gavleborg-applications --ceiling 300000 --budget "1 500 tkr" --ration equal-awards\n  $ statsbidrag award gavleborg-applications --ceiling 300000 --budget "1 500 tkr" --ration proportional --format csv\n',
});

export type AwardFlags = FlagsOf<typeof award>;
