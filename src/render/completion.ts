/**
 * Shell completion scripts (bash, zsh, fish) from a plain model of the command tree. The model is
 * made from the commander program by cli/completion.ts, so every command, option and choice comes
 * from the program itself; nothing here names a command.
 */

/** What a value can be completed with. */
export interface ValueSource {
  /** Fixed words (an option's choices, programme ids, scenario names). */
  words: string[];
  /** File names as well. */
  files: boolean;
}

export interface CompletionOption {
  /** "--method", and "-V" where there is a short form. */
  long: string | undefined;
  short: string | undefined;
  description: string;
  /** Undefined for a flag that takes no value. */
  value: (ValueSource & { name: string }) | undefined;
}

export interface CompletionArgument {
  name: string;
  description: string;
  value: ValueSource;
}

interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
  arguments: CompletionArgument[];
}

export interface CompletionModel {
  program: string;
  options: CompletionOption[];
  commands: CompletionCommand[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** A word that is safe to offer unquoted in any of the three shells. */
const SAFE_WORD = /^[\w.,:@%+=/-]+$/;
const safeWords = (words: readonly string[]): string[] => words.filter((w) => SAFE_WORD.test(w));
/** A description short enough for a completion menu: at most 80 characters, cut at a word. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 80 ? flat : `${flat.slice(0, 79).replace(/\s+\S*$/, '')}…`;
}
const fnName = (program: string): string => `_${program.replace(/\W/g, '_')}`;
const optionNames = (o: CompletionOption): string[] => [o.short, o.long].filter((x): x is string => x !== undefined);

// ---------------------------------------------------------------- bash

function bashReply(value: ValueSource): string {
  const parts: string[] = [];
  const words = safeWords(value.words);
  if (words.length) parts.push(`$(compgen -W '${words.join(' ')}' -- "$cur")`);
  if (value.files) parts.push('$(compgen -f -- "$cur")');
  return parts.length ? `COMPREPLY=( ${parts.join(' ')} )` : 'COMPREPLY=()';
}

function bashCommand(c: CompletionCommand): string[] {
  const lines = [`    ${c.name})`, '      case "$prev" in'];
  for (const o of c.options) {
    if (!o.value) continue;
    lines.push(`        ${optionNames(o).join('|')}) ${bashReply(o.value)}; return ;;`);
  }
  lines.push('      esac');
  const flags = c.options.flatMap(optionNames);
  lines.push(`      if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W '${flags.join(' ')}' -- "$cur") ); return; fi`);
  if (c.arguments.length) {
    // Which positional argument is being typed: count the words after the command that are not options or option values.
    const valued = c.options.filter((o) => o.value).flatMap(optionNames);
    lines.push(`      local n=0 j skip=0`);
    lines.push(`      for ((j=cmdi+1; j<COMP_CWORD; j++)); do`);
    lines.push(`        if ((skip)); then skip=0; continue; fi`);
    lines.push(`        case "\${COMP_WORDS[j]}" in ${valued.length ? `${valued.join('|')}) skip=1 ;; ` : ''}-*) ;; *) n=$((n+1)) ;; esac`);
    lines.push('      done');
    lines.push('      case "$n" in');
    c.arguments.forEach((a, i) => lines.push(`        ${i}) ${bashReply(a.value)} ;;`));
    lines.push('      esac');
  }
  lines.push('      ;;');
  return lines;
}

function bashScript(m: CompletionModel): string {
  const fn = fnName(m.program);
  const globalFlags = m.options.flatMap(optionNames);
  return [
    `# ${m.program} completion for bash. Load it with`,
    `#   source <(${m.program} completion bash)`,
    `# or save it as /etc/bash_completion.d/${m.program} (or ~/.local/share/bash-completion/completions/${m.program}).`,
    `${fn}() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  local cmd="" cmdi=0 i',
    '  for ((i=1; i<COMP_CWORD; i++)); do',
    '    case "${COMP_WORDS[i]}" in -*) ;; *) cmd="${COMP_WORDS[i]}"; cmdi=$i; break ;; esac',
    '  done',
    '  if [[ -z "$cmd" ]]; then',
    `    if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W '${globalFlags.join(' ')}' -- "$cur") ); return; fi`,
    `    COMPREPLY=( $(compgen -W '${m.commands.map((c) => c.name).join(' ')}' -- "$cur") )`,
    '    return',
    '  fi',
    '  case "$cmd" in',
    ...m.commands.flatMap(bashCommand),
    '  esac',
    '}',
    `complete -o filenames -F ${fn} ${m.program}`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- zsh

/** Text inside an _arguments spec: within single quotes, and with : [ ] escaped. */
const zshText = (text: string): string => firstSentence(text).replace(/\\/g, '\\\\').replace(/([:[\]])/g, '\\$1').replace(/'/g, `'\\''`);

function zshAction(value: ValueSource, helper: (v: ValueSource) => string): string {
  const words = safeWords(value.words);
  if (value.files && words.length) return helper(value);
  if (value.files) return '_files';
  return words.length ? `(${words.join(' ')})` : ' ';
}

function zshScript(m: CompletionModel): string {
  const fn = fnName(m.program);
  const helpers = new Map<string, string>();
  // Words and files together need _alternative, which is simplest in a helper function of its own.
  const helper = (v: ValueSource): string => {
    const words = safeWords(v.words).join(' ');
    let name = helpers.get(words);
    if (!name) {
      name = `${fn}_values_${helpers.size + 1}`;
      helpers.set(words, name);
    }
    return name;
  };
  const optionSpecs = (options: CompletionOption[]): string[] =>
    options.map((o) => {
      const names = optionNames(o).map((n) => (n === o.long && o.value ? `${n}=` : n));
      const value = o.value ? `:${zshText(o.value.name)}:${zshAction(o.value, helper)}` : '';
      const tail = `[${zshText(o.description)}]${value}'`;
      return names.length > 1 ? `'(${optionNames(o).join(' ')})'{${names.join(',')}}'${tail}` : `'${names[0]}${tail}`;
    });
  const commandBlocks = m.commands.flatMap((c) => [
    `        ${c.name})`,
    '          _arguments -s \\',
    ...[...optionSpecs(c.options), ...c.arguments.map((a, i) => `'${i + 1}:${zshText(a.name)}:${zshAction(a.value, helper)}'`)].map((l) => `            ${l} \\`),
    '            && ret=0',
    '          ;;',
  ]);
  const body = [
    `#compdef ${m.program}`,
    `# ${m.program} completion for zsh. Load it with`,
    `#   source <(${m.program} completion zsh)`,
    `# or save it as _${m.program} in a folder on $fpath.`,
    `${fn}() {`,
    '  local curcontext="$curcontext" state line ret=1',
    '  typeset -A opt_args',
    '  _arguments -C \\',
    ...optionSpecs(m.options).map((l) => `    ${l} \\`),
    "    '1: :->command' \\",
    "    '*:: :->args' && ret=0",
    '  case $state in',
    '    command)',
    '      local -a commands',
    // _describe takes "name:description": only the first colon separates, so the description is left as it is.
    `      commands=(${m.commands.map((c) => `'${c.name}:${firstSentence(c.description).replace(/'/g, `'\\''`)}'`).join(' ')})`,
    `      _describe -t commands '${m.program} command' commands && ret=0`,
    '      ;;',
    '    args)',
    '      case $words[1] in',
    ...commandBlocks,
    '      esac',
    '      ;;',
    '  esac',
    '  return ret',
    '}',
  ];
  const helperFns = [...helpers.entries()].flatMap(([words, name]) => [`${name}() {`, `  _alternative 'values:value:(${words})' 'files:file:_files'`, '}']);
  return [
    ...body.slice(0, 4),
    ...helperFns,
    ...body.slice(4),
    // Loaded through fpath, the file is the function body's caller; sourced, register it.
    `if [[ $zsh_eval_context[-1] == loadautofunc ]]; then ${fn} "$@"; else compdef ${fn} ${m.program}; fi`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- fish

const fishText = (text: string): string => `'${firstSentence(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishOption(program: string, condition: string, o: CompletionOption): string {
  const parts = [`complete -c ${program} -n ${condition}`];
  if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
  if (o.long) parts.push(`-l ${o.long.replace(/^--/, '')}`);
  if (o.value) {
    const words = safeWords(o.value.words);
    parts.push(o.value.files ? '-r -F' : '-x');
    if (words.length) parts.push(`-a '${words.join(' ')}'`);
  }
  parts.push(`-d ${fishText(o.description)}`);
  return parts.join(' ');
}

function fishScript(m: CompletionModel): string {
  const p = m.program;
  const lines = [
    `# ${p} completion for fish. Load it with`,
    `#   ${p} completion fish | source`,
    `# or save it as ~/.config/fish/completions/${p}.fish.`,
    `complete -c ${p} -f`,
    ...m.options.map((o) => fishOption(p, '__fish_use_subcommand', o)),
    ...m.commands.map((c) => `complete -c ${p} -n __fish_use_subcommand -a ${c.name} -d ${fishText(c.description)}`),
  ];
  for (const c of m.commands) {
    const condition = `'__fish_seen_subcommand_from ${c.name}'`;
    lines.push(...c.options.map((o) => fishOption(p, condition, o)));
    const words = [...new Set(c.arguments.flatMap((a) => safeWords(a.value.words)))];
    if (words.length) lines.push(`complete -c ${p} -n ${condition} -a '${words.join(' ')}'`);
    if (c.arguments.some((a) => a.value.files)) lines.push(`complete -c ${p} -n ${condition} -F`);
  }
  lines.push('');
  return lines.join('\n');
}

export function completionScript(shell: Shell, model: CompletionModel): string {
  return shell === 'bash' ? bashScript(model) : shell === 'zsh' ? zshScript(model) : fishScript(model);
}
