/** `statsbidrag completion SHELL`, declared: its options and help examples (cli/declare.ts). */
import { declareCommand, type FlagsOf } from '../declare.js';

export const completion = declareCommand({
  name: 'completion',
  description: 'print a shell completion script (commands, options, methods, programmes, scenarios)',
  arguments: [{ name: '<shell>', description: 'the shell', choices: ['bash', 'zsh', 'fish'] }],
  options: [{ flags: '--out <file>', description: 'write to a file (atomically) instead of stdout' }],
  writes: [],
  examples:
    '\nExamples:\n  $ statsbidrag completion bash\n      load it with: source <(statsbidrag completion bash)\n  $ statsbidrag completion zsh\n      save it as _statsbidrag in a folder on $fpath\n  $ statsbidrag completion fish\n      save it as ~/.config/fish/completions/statsbidrag.fish\n',
});

export type CompletionFlags = FlagsOf<typeof completion>;
