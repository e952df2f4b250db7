/** `statsbidrag completion bash|zsh|fish`: a completion script made from the program's own command tree. */
import type { Command } from 'commander';
import { completionValuesUseCase } from '../../app/completion.js';
import { completionScript, SHELLS, type Shell } from '../../render/completion.js';
import { completionModel } from '../completion.js';
import { choiceOption } from '../options.js';
import { emit } from '../output.js';

export async function runCompletion(shell: string, flags: { out?: string }, program: Command): Promise<void> {
  const which = choiceOption<Shell>('shell', shell, SHELLS, 'bash');
  const values = await completionValuesUseCase();
  await emit(completionScript(which, completionModel(program, values)), flags.out);
}
