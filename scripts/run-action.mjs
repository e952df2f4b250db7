#!/usr/bin/env node
/**
 * Runs the composite action in action.yml the way the GitHub Actions runner runs it, on this
 * machine, to test it without GitHub:
 *
 *   node scripts/run-action.mjs --workspace DIR [--input NAME=VALUE]... [--action-path DIR]
 *
 * As the runner does: each input (its default when not given) is in the environment as
 * INPUT_<NAME> (upper case, spaces as _); `${{ inputs.NAME }}`, `${{ github.action_path }}` and
 * `${{ steps.ID.outputs.NAME }}` in `run:`, `env:` and `with:` are replaced by their values; each
 * `run:` step runs with `bash --noprofile --norc -eo pipefail` in the workspace, with
 * GITHUB_ACTION_PATH, GITHUB_WORKSPACE, RUNNER_TEMP, and GITHUB_PATH / GITHUB_OUTPUT / GITHUB_ENV
 * files whose lines are applied between steps (PATH entries in front, outputs per step id); the
 * job stops at the first step that fails, with its exit code.
 *
 * Not run: `uses:` steps (actions/setup-node sets up Node on a runner; here the Node that runs
 * this script is on PATH already). They are listed on stderr as skipped. Any other expression is
 * an error, so a step this script cannot run as the runner would is not run at all.
 *
 * Prints the steps' stdout and stderr as they come; exits with the failing step's code, else 0.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const args = process.argv.slice(2);
let workspace = process.cwd();
let actionPath = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const given = {};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--workspace') workspace = resolve(args[++i]);
  else if (a === '--action-path') actionPath = resolve(args[++i]);
  else if (a === '--input') {
    const text = args[++i] ?? '';
    const at = text.indexOf('=');
    if (at <= 0) fail(`--input NAME=VALUE, not "${text}"`);
    given[text.slice(0, at)] = text.slice(at + 1);
  } else fail(`unknown argument "${a}"`);
}

function fail(message) {
  process.stderr.write(`run-action: ${message}\n`);
  process.exit(2);
}

const action = parse(readFileSync(join(actionPath, 'action.yml'), 'utf8'));
if (action?.runs?.using !== 'composite') fail('action.yml is not a composite action');
const inputs = {};
for (const [name, spec] of Object.entries(action.inputs ?? {})) {
  if (name in given) inputs[name] = given[name];
  else if (spec?.required) fail(`input "${name}" is required`);
  else inputs[name] = spec?.default === undefined ? '' : String(spec.default);
}
for (const name of Object.keys(given)) if (!(name in inputs)) fail(`action.yml has no input "${name}"`);

const temp = mkdtempSync(join(tmpdir(), 'run-action-'));
const outputs = {};
const extraPath = [];
const extraEnv = {};

function expand(text, where) {
  return String(text).replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr) => {
    let m;
    if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return inputs[m[1]] ?? '';
    if (expr === 'github.action_path') return actionPath;
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return outputs[m[1]]?.[m[2]] ?? '';
    return fail(`${where}: the expression "\${{ ${expr} }}" is not one this script evaluates`);
  });
}

/** KEY=VALUE lines, and KEY<<DELIMITER … DELIMITER blocks (GitHub's file commands). */
function fileCommands(file) {
  const values = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      values[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return values;
}

let status = 0;
try {
  for (const [n, step] of action.runs.steps.entries()) {
    const label = step.name ?? step.id ?? step.uses ?? `step ${n + 1}`;
    if (step.uses) {
      process.stderr.write(`run-action: skipped "${label}" (uses: ${step.uses}; a runner's setup, not run here)\n`);
      continue;
    }
    if (!step.run) fail(`${label}: neither run: nor uses:`);
    if (step.shell !== 'bash') fail(`${label}: shell "${step.shell}" (this script runs bash steps)`);
    const files = { GITHUB_PATH: join(temp, `path-${n}`), GITHUB_OUTPUT: join(temp, `output-${n}`), GITHUB_ENV: join(temp, `env-${n}`) };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const script = join(temp, `step-${n}.sh`);
    writeFileSync(script, expand(step.run, label));
    const env = {
      ...process.env,
      ...extraEnv,
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])),
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, label)])),
      ...files,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_TEMP: temp,
      PATH: [...extraPath, process.env.PATH ?? ''].join(delimiter),
    };
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, stdio: 'inherit' });
    status = r.status ?? 1;
    extraPath.unshift(...readFileSync(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean).reverse());
    Object.assign(extraEnv, fileCommands(files.GITHUB_ENV));
    if (step.id) outputs[step.id] = fileCommands(files.GITHUB_OUTPUT);
    if (status !== 0) {
      process.stderr.write(`run-action: "${label}" failed with exit code ${status}\n`);
      break;
    }
  }
  if (action.outputs) {
    for (const [name, spec] of Object.entries(action.outputs)) process.stderr.write(`run-action: output ${name}=${expand(spec.value, `output ${name}`)}\n`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
process.exitCode = status;
