/** `statsbidrag completion bash|zsh|fish`: a completion script made from the program's own command tree. */
import type { Command } from 'commander';
import { completionValuesUseCase } from '../../app/completion.js';
import { completionScript, SHELLS, type Shell } from '../../render/completion.js';
import { completionModel } from '../completion.js';
import { choiceOption } from '../options.js';
import { emit } from '../output.js';
import type { CompletionFlags } from '../declarations/completion.js';

export async function runCompletion(shell: string, flags: CompletionFlags, program: Command): Promise<void> {
  const which = choiceOption<Shell>('shell', shell, SHELLS, 'bash');
  const values = await completionValuesUseCase();
  await emit(completionScript(which, completionModel(program, values)), flags.out);
}
