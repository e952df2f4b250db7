/**
 * The hostile-input corpus, second round (issue #13): endless and binary input, control and bidi
 * characters echoed into error lines, paths in rules files that point outside their folder,
 * prototype names, negative money options, and --out targets that must not be replaced (a full
 * disk, devices, FIFOs, sockets, read-only files).
 *
 * Every failure case asserts: the exit code, exactly one line on stderr (no raw control or bidi
 * character in it, at most MAX_LINE characters), no stack trace, nothing on stdout, and the
 * --out file exactly as it was with nothing else left in its folder.
 *
 * Device nodes are made with mknod in a temporary folder, never the machine's /dev; the endless
 * inputs run with a timeout and a capped address space.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, rmSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, DATA, ROOT, run, tempDir, type RunOptions, type RunResult } from '../helpers/cli.js';

const FIX = join(ROOT, 'tests', 'fixtures', 'hostile');
const fx = (name: string): string => join(FIX, name);
const isRoot = process.getuid?.() === 0;
/** errorLine's cap (1000) plus the "statsbidrag: " before it and a " (see --help)" after. */
const MAX_LINE = 1100;
const OLD = 'precious,old\n1,2\n';
/** Control characters other than the final newline, DEL, C1 controls and bidi/line-separator controls. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** For the endless inputs: a run that does not stop is killed, and may not use more than this. */
const ENDLESS = { timeout: 20_000, memoryLimit: 3 * 1024 ** 3, nodeArgs: ['--max-old-space-size=256'] } satisfies RunOptions;

/** A copy of the bundled rules, changed by `edit`, written to DIR/rules/rules.json. */
function rulesWith(dir: string, edit: (rules: any) => void): string {
  const rules = JSON.parse(readFileSync(join(DATA, 'rules.json'), 'utf8'));
  edit(rules);
  mkdirSync(join(dir, 'rules'), { recursive: true });
  const file = join(dir, 'rules', 'rules.json');
  writeFileSync(file, JSON.stringify(rules, null, 2));
  return file;
}

/** Rules whose first programme's list is `listFile`, with a secret file beside the rules folder. */
function rulesListing(dir: string, listFile: (dir: string) => string): string {
  writeFileSync(join(dir, 'outside.csv'), 'SECRET-LINE,do not echo\n1,2\n');
  return rulesWith(dir, (r) => {
    r.programmes[0].recipients.file = listFile(dir);
  });
}

function mknod(dir: string, name: string, major: number, minor: number): string {
  const path = join(dir, name);
  execFileSync('mknod', [path, 'c', String(major), String(minor)]);
  return path;
}

function listing(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => `Mottagare nummer ${String(i).padStart(6, '0')},${(i % 97) + 1}`);
  return `name,weight\n${rows.join('\n')}\n`;
}

interface Case {
  /** Builds what the case needs in its own temporary folder and returns the arguments. */
  args: (dir: string) => string[];
  /** What the line must say. */
  says: RegExp;
  /** Text the line must contain (a file name); default: "statsbidrag". */
  names?: string | ((dir: string) => string);
  /** What the line must never contain (echoed content). */
  never?: RegExp;
  options?: (dir: string) => RunOptions;
  /** The --out target; default DIR/out/existing.csv holding OLD. */
  out?: (dir: string) => string;
  /** The run must also end within this many ms. */
  within?: number;
  rootOnly?: boolean;
}

function expectOneCleanLine(r: RunResult, says: RegExp, names: string, never?: RegExp): string {
  expect(r.status, `exit ${r.status}; stderr: ${r.stderr.slice(0, 500)}`).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n'), r.stderr.slice(0, 300)).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines, r.stderr.slice(0, 500)).toHaveLength(1);
  const line = lines[0]!;
  expect(line).toMatch(/^statsbidrag: /);
  expect(line).not.toMatch(RAW_CONTROL);
  expect(line.length).toBeLessThanOrEqual(MAX_LINE);
  expect(line).toContain(names);
  expect(line).toMatch(says);
  if (never) expect(line).not.toMatch(never);
  expect(r.stderr).not.toMatch(/\bat .*\.(c?js|ts):\d+/);
  expect(line).not.toMatch(/internal error/);
  return line;
}

function runCase(c: Case): void {
  const dir = tempDir();
  let out: string;
  if (c.out) {
    out = c.out(dir);
  } else {
    mkdirSync(join(dir, 'out'));
    out = join(dir, 'out', 'existing.csv');
    writeFileSync(out, OLD);
  }
  const outDir = resolve(out, '..');
  const before = readdirSync(outDir).sort();
  const oldText = existsSync(out) && statSync(out).isFile() ? readFileSync(out, 'utf8') : undefined;
  const started = Date.now();
  const r = run([...c.args(dir), '--out', out], c.options?.(dir) ?? {});
  const took = Date.now() - started;
  const names = typeof c.names === 'function' ? c.names(dir) : (c.names ?? 'statsbidrag');
  expectOneCleanLine(r, c.says, names, c.never);
  if (c.within !== undefined) expect(took).toBeLessThan(c.within);
  expect(readdirSync(outDir).sort()).toEqual(before);
  if (oldText !== undefined) expect(readFileSync(out, 'utf8')).toBe(oldText);
  rmSync(dir, { recursive: true, force: true }); // the 70 MB line and the like
}

const data = (file: (dir: string) => string, extra: string[] = []) => (dir: string) => ['allocate', '--data', file(dir), '--basis', 'weight', '--total', '1000', ...extra];
const bytesFile = (name: string, bytes: Uint8Array | string) => (dir: string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const utf16 = (text: string, order: 'le' | 'be'): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le).swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
};
const AUDIT = ['audit', join(DATA, 'tillvaxtverket-2018.csv'), '--basis', '2018', '--column', '2019'];

const CASES: [string, Case][] = [];

// #region input
// Unbounded and binary input
CASES.push(
  ['endless NUL device as --data (a mknod\'d /dev/zero) stops at once', {
    args: data((dir) => mknod(dir, 'zero', 1, 5)), says: /zero: contains NUL bytes: not a text file/, names: 'zero', options: () => ENDLESS, within: 15_000, rootOnly: true,
  }],
  ['endless NUL device as stdin stops at once', {
    args: () => ['allocate', '--data', '-', '--basis', 'weight', '--total', '1000'], says: /^statsbidrag: -: contains NUL bytes/, names: '-',
    options: (dir) => ({ ...ENDLESS, stdinFd: openSync(mknod(dir, 'zero', 1, 5), 'r') }), within: 15_000, rootOnly: true,
  }],
  ['endless NUL device as --rules', {
    args: (dir) => ['allocate', '--rules', mknod(dir, 'zero', 1, 5)], says: /contains NUL bytes/, names: 'zero', options: () => ENDLESS, within: 15_000, rootOnly: true,
  }],
  ['a file larger than the input limit is refused before it is read', {
    args: data((dir) => {
      const path = join(dir, 'huge.csv');
      writeFileSync(path, 'name,weight\n');
      truncateSync(path, 600 * 1024 * 1024); // sparse: costs no disk
      return path;
    }), says: /huge\.csv: is larger than 500 MiB, the most this tool reads/, names: 'huge.csv', within: 10_000,
  }],
  ['NUL bytes after a UTF-8 byte order mark', { args: data(bytesFile('bom-nul.csv', Buffer.from('\ufeffname,weight\nA,1\u0000\nB,2\n'))), says: /bom-nul\.csv: contains NUL bytes/, names: 'bom-nul.csv' }],
  ['a NUL character in UTF-16LE', { args: data(bytesFile('nul-16le.csv', utf16('name,weight\nA,1\u0000\n', 'le'))), says: /nul-16le\.csv: contains NUL characters: not a text file/, names: 'nul-16le.csv' }],
  ['a NUL character in UTF-16BE', { args: data(bytesFile('nul-16be.csv', utf16('name,weight\nA,1\u0000\n', 'be'))), says: /nul-16be\.csv: contains NUL characters/, names: 'nul-16be.csv' }],
  ['a scenario with NUL bytes after a byte order mark', {
    args: (dir) => ['allocate', '--scenario', bytesFile('s.json', Buffer.from('\ufeff{"version":1,\u0000}'))(dir)], says: /s\.json: contains NUL bytes/, names: 's.json',
  }],
  ['a 70 MB single line is not echoed whole', {
    args: data(bytesFile('long-line.csv', `${'x'.repeat(70 * 1024 * 1024)}\nA\n`)), says: /no basis column "weight" \(columns: "x{20,}…/, names: 'long-line.csv',
  }],
  ['a 1 MB cell is not echoed whole', {
    args: data(bytesFile('long-cell.csv', `name,weight\nA,${'9x'.repeat(512 * 1024)}\n`)), says: /long-cell\.csv:2: field "weight": "(9x){10,}…/, names: 'long-cell.csv',
  }],
  ['a header line of 200 000 columns is not echoed whole', {
    args: data(bytesFile('wide.csv', `${Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(199_999)}1\n`)), says: /wide\.csv: field "weight": no basis column "weight" \(columns: "c0", "c1", .*…/, names: 'wide.csv',
  }],
);
// #endregion input

// #region echo
// Error lines: control and bidi characters are shown escaped; "Did you mean" stays on the line
CASES.push(
  ['an ESC sequence in a cell', { args: data(() => fx('esc-weight.csv')), says: /esc-weight\.csv:3: field "weight": "\\x1b\[2J\\x1b\[31m5" is not an amount/, names: 'esc-weight.csv' }],
  ['a right-to-left override in a cell', { args: data(() => fx('bidi-weight.csv')), says: /bidi-weight\.csv:2: field "weight": "12\\u202e34" is not an amount/, names: 'bidi-weight.csv' }],
  ['a line separator (U+2028) and NEL (U+0085) in a cell', { args: data(() => fx('separators-weight.csv')), says: /"1\\u20282\\x853" is not an amount/, names: 'separators-weight.csv' }],
  ['a carriage return in a header', { args: data(() => fx('cr-header.csv')), says: /no basis column "weight" \(columns: "name", "vi\\rkt"\)/, names: 'cr-header.csv' }],
  ['a line feed and an ESC in a --data file name', {
    args: (dir) => ['allocate', '--data', join(dir, 'a\nb\u001b[2J.csv'), '--basis', 'w', '--total', '1'], says: /a\\nb\\x1b\[2J\.csv: no such file/, names: 'a\\nb',
  }],
  ['a bidi override in a --basis name', {
    args: () => ['allocate', '--data', join(DATA, 'tillvaxtverket-2018.csv'), '--basis', 'Belopp\u202e2018x', '--total', '1'], says: /no basis column "Belopp\\u202e2018x"/,
  }],
  ['an unknown option with "Did you mean" on the same line', { args: () => ['allocate', '--totl', '5'], says: /unknown option '--totl' \(Did you mean --total\?\) \(see --help\)$/ }],
  ['an unknown command with "Did you mean" on the same line', { args: () => ['alocate'], says: /unknown command 'alocate' \(Did you mean allocate\?\)/ }],
  ['a choice option with a line feed in it', { args: () => ['allocate', '--method', 'x\ny'], says: /argument 'x\\ny' is invalid/ }],
  ['a JSON rules file with an ESC in a bad amount', {
    args: (dir) => ['allocate', '--rules', rulesWith(dir, (r) => { r.programmes[0].periods[0].statedTotal.value = '\u001b]0;pwned\u0007'; })],
    says: /statedTotal\.value: "\\x1b\]0;pwned\\x07" is not an amount/, names: 'rules.json',
  }],
);
// #endregion echo

// #region paths
// Paths inside rules files stay inside the rules file's folder
CASES.push(
  ['recipients.file going up out of the folder', {
    args: (dir) => ['allocate', '--rules', rulesListing(dir, () => '../outside.csv'), '--year', '2018'],
    says: /rules\.json: programmes\[0\]\.recipients\.file: "\.\.\/outside\.csv" is outside the folder of this file; pass such a list with --data/, names: 'rules.json', never: /SECRET/,
  }],
  ['recipients.file as an absolute path elsewhere', {
    args: (dir) => ['allocate', '--rules', rulesListing(dir, (d) => join(d, 'outside.csv')), '--year', '2018'], says: /programmes\[0\]\.recipients\.file: ".*outside\.csv" is outside the folder/, names: 'rules.json', never: /SECRET/,
  }],
  ['recipients.file as /etc/passwd', {
    args: (dir) => ['allocate', '--rules', rulesListing(dir, () => '/etc/passwd'), '--year', '2018'], says: /"\/etc\/passwd" is outside the folder/, names: 'rules.json', never: /root:/,
  }],
  ['recipients.file through a symbolic link that leads outside', {
    args: (dir) => {
      const rules = rulesListing(dir, () => 'list.csv');
      symlinkSync(join(dir, 'outside.csv'), join(dir, 'rules', 'list.csv'));
      return ['allocate', '--rules', rules, '--year', '2018'];
    },
    says: /"list\.csv" is outside the folder of this file \(a symbolic link leads out\)/, names: 'rules.json', never: /SECRET/,
  }],
  ['recipients.file through a linked folder that leads outside', {
    args: (dir) => {
      const rules = rulesListing(dir, () => 'sub/outside.csv');
      symlinkSync(dir, join(dir, 'rules', 'sub'));
      return ['allocate', '--rules', rules, '--year', '2018'];
    },
    says: /"sub\/outside\.csv" is outside the folder/, names: 'rules.json', never: /SECRET/,
  }],
  ['validate: recipients.file outside the folder', {
    args: (dir) => ['validate', join(DATA, 'tillvaxtverket-2018.csv'), '--rules', rulesListing(dir, () => '../outside.csv')], says: /is outside the folder/, names: 'rules.json', never: /SECRET/,
  }],
  ['audit: recipients.file outside the folder', {
    args: (dir) => [...AUDIT, '--rules', rulesListing(dir, () => '../outside.csv')], says: /is outside the folder/, names: 'rules.json', never: /SECRET/,
  }],
  ['compare: recipients.file outside the folder', {
    args: (dir) => ['compare', 'baseline', 'actual', '--rules', rulesListing(dir, () => '../outside.csv')], says: /is outside the folder/, names: 'rules.json', never: /SECRET/,
  }],
  ['allocate --scenario: recipients.file outside the folder', {
    args: (dir) => ['allocate', '--scenario', 'actual', '--rules', rulesListing(dir, () => '../outside.csv')], says: /is outside the folder/, names: 'rules.json', never: /SECRET/,
  }],
);
// #endregion paths

// #region proto
// Prototype names are names like any other
CASES.push(
  ['a rules period citing the source "constructor", which the rules do not define', {
    args: (dir) => ['allocate', '--rules', rulesWith(dir, (r) => { r.programmes[0].periods[0].statedTotal.source = 'constructor'; })],
    says: /programmes\[0\]\.periods\[0\]\.statedTotal\.source: unknown source "constructor"/, names: 'rules.json',
  }],
  ['a rules period citing the source "__proto__", which the rules do not define', {
    args: (dir) => ['allocate', '--rules', rulesWith(dir, (r) => { r.programmes[0].periods[1].unit.source = '__proto__'; })],
    says: /programmes\[0\]\.periods\[1\]\.unit\.source: unknown source "__proto__"/, names: 'rules.json',
  }],
  ['a scenario period citing the source "toString", which it does not define', {
    args: () => ['allocate', '--scenario', fx('scenario-source-tostring.json')], says: /periods\[0\]\.source: unknown source "toString"/, names: 'scenario-source-tostring.json',
  }],
  ['a scenario removing "constructor", which is not a recipient', {
    args: () => ['allocate', '--scenario', fx('scenario-remove-constructor.json')], says: /recipients\.remove\[0\]: no recipient "constructor" to remove/, names: 'scenario-remove-constructor.json',
  }],
  ['"__proto__" twice in a list is a duplicate', { args: data(() => fx('proto-twice.csv')), says: /proto-twice\.csv: lines 2 and 3: "__proto__" appears twice/, names: 'proto-twice.csv' }],
);
// #endregion proto

// #region money
// Negative money options
CASES.push(
  ['audit --stated=-5', { args: () => [...AUDIT, '--stated=-5'], says: /--stated: must be greater than zero, not "-5"/ }],
  ['audit --stated=0', { args: () => [...AUDIT, '--stated=0'], says: /--stated: must be greater than zero, not "0"/ }],
  ['audit --stated with a Unicode minus', { args: () => [...AUDIT, '--stated=\u22121 000'], says: /--stated: must be greater than zero/ }],
  ['award --budget=-1', { args: () => ['award', join(DATA, 'examples', 'gavleborg-applications.csv'), '--budget=-1'], says: /--budget: must not be negative/ }],
  ['award: an application without a score among scored ones names the file and its line', {
    args: (dir) => {
      const file = join(dir, 'scores.csv');
      writeFileSync(file, 'applicant,type,requested,cost,priority\nAlfa,kommun,1000,1000,\nBeta,kommun,2000,2000,4\n');
      return ['award', file, '--budget', '2500'];
    },
    says: /scores\.csv:2: field "priority": "Alfa" has no priority score/, names: 'scores.csv',
  }],
  ['allocate --floor=-1', { args: () => ['allocate', '--floor=-1'], says: /--floor: must be zero or more/ }],
  ['validate --tolerance=-1', { args: () => ['validate', join(DATA, 'tillvaxtverket-2018.csv'), '--tolerance=-1'], says: /--tolerance: must not be negative/ }],
);
// #endregion money

// #region writer
// --out targets that must not be replaced
CASES.push(
  ['--out on an existing read-only file (root too)', {
    args: () => ['allocate', '--format', 'csv'], out: (dir) => {
      const out = join(dir, 'readonly.csv');
      writeFileSync(out, OLD);
      chmodSync(out, 0o444);
      return out;
    }, says: /readonly\.csv: is read-only \(mode 444\); nothing was written/, names: 'readonly.csv',
  }],
  ['--out on a socket', {
    args: () => ['allocate', '--format', 'csv'], out: (dir) => {
      const path = join(dir, 'sock');
      servers.push(listen(path));
      return path;
    }, says: /sock: is a socket, not a file; nothing was written/, names: 'sock',
  }],
  ['--out on a full device (a mknod\'d /dev/full)', {
    args: () => ['allocate', '--format', 'csv'], out: (dir) => mknod(dir, 'full', 1, 7), says: /full: the disk is full \(ENOSPC\); the output is incomplete/, names: 'full', rootOnly: true,
  }],
  ['--out on a directory', { args: () => ['allocate', '--format', 'csv'], out: (dir) => { mkdirSync(join(dir, 'folder')); return join(dir, 'folder'); }, says: /folder: is a directory; nothing was written/, names: 'folder' }],
);
// #endregion writer

const servers: Server[] = [];
function listen(path: string): Server {
  const server = createServer();
  server.listen(path);
  // listen() on a path creates the socket synchronously enough for a stat a moment later; wait for it.
  for (let i = 0; i < 200 && !existsSync(path); i++) spawnSync('sleep', ['0.01']);
  return server;
}
afterAll(() => {
  for (const s of servers) s.close();
});

describe('hostile inputs: exit 2, one clean line, nothing written', () => {
  // #region count
  it('has at least 30 cases: with the 70 of malformed.test.ts, a corpus of 100 or more', () => {
    expect(CASES.length + WRITER_CASES).toBeGreaterThanOrEqual(30);
  });
  // #endregion count


  it.each(CASES)('%s', (_name, c) => {
    if (c.rootOnly && !isRoot) return;
    runCase(c);
  });
});

// #region writer
// ---------------------------------------------------------------------------------------------
// The full disk, end to end, on a small tmpfs (root only; skipped where mount is not allowed).

/** Mount a tmpfs of `size` at a fresh folder; undefined where this machine does not allow it. */
function mountTmpfs(size: string): string | undefined {
  if (!isRoot) return undefined;
  const dir = tempDir();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return r.status === 0 ? dir : undefined;
}
const mounted: string[] = [];
afterAll(() => {
  for (const m of mounted) spawnSync('umount', [m]);
});

const WRITER_CASES = 3;
describe('--out on a file system that fills up during the write', () => {
  const big = (): string => {
    const dir = tempDir();
    const file = join(dir, 'big.csv');
    writeFileSync(file, listing(5000)); // about 190 KB of csv output
    return file;
  };

  it('an existing file stays as it was, exit 2, one line, no temporary file', (ctx) => {
    const mnt = mountTmpfs('64k');
    if (!mnt) return ctx.skip();
    mounted.push(mnt);
    const out = join(mnt, 'allocation.csv');
    writeFileSync(out, OLD);
    const r = run(['allocate', '--data', big(), '--basis', 'weight', '--total', '100000000', '--format', 'csv', '--out', out]);
    expectOneCleanLine(r, /allocation\.csv: the disk is full \(ENOSPC\); the file was left as it was/, 'allocation.csv');
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    expect(readdirSync(mnt)).toEqual(['allocation.csv']);
  });

  it('a new file is not created, through the general writer (--excel) too', (ctx) => {
    const mnt = mountTmpfs('64k');
    if (!mnt) return ctx.skip();
    mounted.push(mnt);
    const out = join(mnt, 'new.csv');
    const r = run(['allocate', '--data', big(), '--basis', 'weight', '--total', '100000000', '--excel', '--out', out]);
    expectOneCleanLine(r, /new\.csv: the disk is full \(ENOSPC\); nothing was written/, 'new.csv');
    expect(readdirSync(mnt)).toEqual([]);
  });

  it('an output that fits is written whole on the same file system', (ctx) => {
    const mnt = mountTmpfs('64k');
    if (!mnt) return ctx.skip();
    mounted.push(mnt);
    const out = join(mnt, 'small.csv');
    writeFileSync(out, OLD);
    const r = run(['allocate', '--year', '2018', '--format', 'csv', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(run(['allocate', '--year', '2018', '--format', 'csv']).stdout);
    expect(readdirSync(mnt)).toEqual(['small.csv']);
  });
});

describe('--out on targets that are written in place', () => {
  it.runIf(isRoot)('a character device (a mknod\'d /dev/null) is written to and stays a device', () => {
    const dir = tempDir();
    const dev = mknod(dir, 'null', 1, 3);
    const r = run(['allocate', '--format', 'csv', '--out', dev]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });

  it('a FIFO is written to and stays a FIFO', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const readerDone = new Promise((r) => reader.on('close', r));
    const cli = spawn(process.execPath, [BIN, 'allocate', '--year', '2018', '--format', 'csv', '--out', fifo], { env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
    const status = await new Promise((r) => cli.on('exit', r));
    // A writer that replaced the FIFO never opened it: do not leave the reader waiting.
    const stuck = setTimeout(() => reader.kill(), 3000);
    await readerDone;
    clearTimeout(stuck);
    expect(status).toBe(0);
    expect(got).toBe(run(['allocate', '--year', '2018', '--format', 'csv']).stdout);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('a link to /proc/self/fd/1 (what /dev/stdout is) writes to stdout and stays a link', () => {
    const dir = tempDir();
    const link = join(dir, 'stdout');
    symlinkSync('/proc/self/fd/1', link);
    const r = run(['allocate', '--year', '2018', '--format', 'csv', '--out', link]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(run(['allocate', '--year', '2018', '--format', 'csv']).stdout);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir)).toEqual(['stdout']);
  });
});
// #endregion writer

// #region csv
// ---------------------------------------------------------------------------------------------
// Output that could be misread: CSV rows split by a bare LF, formulas, Markdown and terminal injection.

function csvRecords(text: string, eol: string): string[] {
  // Records split on the dialect's record delimiter outside quotes: what a spreadsheet does.
  const records: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') inQuotes = !inQuotes;
    else if (!inQuotes && text.startsWith(eol, i)) {
      records.push(text.slice(start, i));
      start = i + eol.length;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

describe('csv: a cell with CR or LF is quoted in every dialect; formulas are neutralised on every line', () => {
  const args = ['allocate', '--data', fx('names-newline.csv'), '--basis', 'weight', '--total', '1000'];

  it('--excel (CRLF records): a bare LF or CR never ends a record, and =1+2 after it is not a formula', () => {
    const r = run([...args, '--excel']);
    expect(r.status, r.stderr).toBe(0);
    const text = r.stdout.replace(/^\ufeff/, '');
    expect(text).toContain('"A\n\'=1+2"');
    expect(text).toContain('"B\r\'@SUM(A1)"');
    const records = csvRecords(text, '\r\n');
    expect(records).toHaveLength(7);
    // Every physical line that a spreadsheet could start a row with begins inside a quoted cell or is a record.
    for (const line of text.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@＝＋－＠]/);
  });

  it('plain csv (LF records): a bare CR is quoted too', () => {
    const r = run([...args, '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('"B\r\'@SUM(A1)"');
    expect(csvRecords(r.stdout, '\n')).toHaveLength(7);
    for (const line of r.stdout.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@＝＋－＠]/);
  });

  it('full-width ＝ ＋ － ＠ at the start of a cell count as formula starts', () => {
    const r = run([...args, '--format', 'csv']);
    for (const c of ['＝1+1', '＋1', '－1', '＠SUM(A1)']) expect(r.stdout).toContain(`'${c}`);
  });
});
// #endregion csv

// #region md
describe('md and the terminal table: names cannot break the table or inject HTML or escapes', () => {
  const args = ['allocate', '--data', fx('names-markup.csv'), '--basis', 'weight', '--total', '1000'];

  it('md: no raw HTML, backticks or line breaks inside a cell', () => {
    const r = run([...args, '--format', 'md']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/<script|<img/i);
    expect(r.stdout).not.toMatch(/(?<!\\)`/);
    const table = r.stdout.split('\n').filter((l) => l.startsWith('|'));
    for (const l of table) expect(l).toMatch(/\|$/);
    expect(table).toHaveLength(2 + 6 + 7); // header, rule, one row per name, the 7 footer rows
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.stdout).toContain('back\\`tick\\` &lt;img');
    expect(r.stdout).toContain('two<br>lines');
  });

  it('table: terminal escapes and bidi controls in names are shown escaped, not sent to the terminal', () => {
    const r = run(args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e\r]/);
    expect(r.stdout).toContain('\\x1b[2J');
    expect(r.stdout).toContain('\\u202e');
  });
});
// #endregion md

// #region proto2
describe('prototype names behave like any other name', () => {
  it('__proto__, constructor and toString as recipients, in csv and json', () => {
    const file = fx('proto-names.csv');
    const csv = run(['allocate', '--data', file, '--basis', 'weight', '--total', '1000', '--format', 'csv']);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout).toBe('recipient,weight,amount\n__proto__,1,100\nconstructor,2,200\ntoString,3,300\nhasOwnProperty,4,400\n');
    const json = JSON.parse(run(['allocate', '--data', file, '--basis', 'weight', '--total', '1000', '--format', 'json']).stdout);
    expect(json.rows.map((r: { recipient: string }) => r.recipient)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
  });

  it('a scenario source named "__proto__" is a source like any other', () => {
    const r = run(['allocate', '--scenario', fx('scenario-source-proto.json'), '--year', '2020', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^recipient,code,weight,amount\n/);
  });

  it('an organisation type "constructor" admitted by the rules is a type like any other', () => {
    const dir = tempDir();
    const rules = rulesWith(dir, (r) => {
      r.programmes.find((p: { id: string }) => p.id === 'delmos').awards.ordinances[0].admits = ['kommun', 'constructor'];
    });
    const apps = join(dir, 'apps.csv');
    writeFileSync(apps, 'applicant,type,requested,cost,years\nA,Constructor,100000,200000,2018\nB,bolag,100000,200000,2018\nC,toString,100000,200000,2018\n');
    const r = run(['award', apps, '--rules', rules, '--budget', '500000', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/function|native code|\[object/);
    expect(r.stdout).toMatch(/\nA,Constructor,.*,funded,/);
    expect(r.stdout).toMatch(/\nB,bolag,.*admits kommun, constructor;/);
  });
});
// #endregion proto2

// #region color
describe('FORCE_COLOR=0 turns colour off, on a terminal too', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;
  const onTerminal = (env: Record<string, string>): string =>
    spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} allocate --year 2018`, '/dev/null'], {
      env: { ...process.env, NO_COLOR: '', ...env },
      encoding: 'utf8',
    }).stdout;

  it.runIf(hasScript)('a terminal gets colour by default and none with FORCE_COLOR=0 or FORCE_COLOR=false', () => {
    expect(onTerminal({ FORCE_COLOR: '' })).toMatch(/\u001b\[/);
    expect(onTerminal({ FORCE_COLOR: '0' })).not.toMatch(/\u001b\[/);
    expect(onTerminal({ FORCE_COLOR: 'false' })).not.toMatch(/\u001b\[/);
  });
});
// #endregion color

// #region paths2
describe('paths inside rules files: inside the folder still works', () => {
  it('a list in a subfolder of the rules file\'s folder', () => {
    const dir = tempDir();
    const rules = rulesWith(dir, (r) => {
      r.programmes[0].recipients.file = 'lists/tillvaxtverket.csv';
    });
    mkdirSync(join(dir, 'rules', 'lists'));
    writeFileSync(join(dir, 'rules', 'lists', 'tillvaxtverket.csv'), readFileSync(join(DATA, 'tillvaxtverket-2018.csv')));
    const r = run(['allocate', '--rules', rules, '--year', '2018', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(run(['allocate', '--year', '2018', '--format', 'csv']).stdout);
  });

  it('a list elsewhere is passed with --data', () => {
    const r = run(['allocate', '--data', join(DATA, 'tillvaxtverket-2018.csv'), '--basis', 'Belopp 2018', '--year', '2018', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
  });
});
// #endregion paths2
