/**
 * The boundaries of docs/architecture.md, checked by `npm test` (npm run lint:deps):
 * imports flow cli → app → io/render → core, never back up, never sideways between commands,
 * no cycles, and the core stays pure (no Node built-ins: no files, no process).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'a cycle makes two modules one: merge them or move what they share down a layer', from: {}, to: { circular: true } },
    { name: 'core-is-pure', severity: 'error', comment: 'core computes: no files, no process, no network (Node built-ins belong in io or cli)', from: { path: '^src/core/' }, to: { dependencyTypes: ['core'] } },
    { name: 'core-imports-core-only', severity: 'error', comment: 'core is the bottom layer', from: { path: '^src/core/' }, to: { path: '^src/(io|render|app|cli)/' } },
    { name: 'io-not-up', severity: 'error', comment: 'io reads and writes bytes; it knows the core, not renderers, use cases or the CLI', from: { path: '^src/io/' }, to: { path: '^src/(render|app|cli)/' } },
    { name: 'render-not-up', severity: 'error', comment: 'render lays out data; it knows the core, not io, use cases or the CLI', from: { path: '^src/render/' }, to: { path: '^src/(io|app|cli)/' } },
    { name: 'app-not-up', severity: 'error', comment: 'use cases return data: no commander, no CLI', from: { path: '^src/app/' }, to: { path: '^src/cli/|^commander$|node_modules/commander/' } },
    { name: 'commands-not-sideways', severity: 'error', comment: 'one command does not import another: share through app/ or cli/options.ts', from: { path: '^src/cli/commands/([^/]+)\\.ts$' }, to: { path: '^src/cli/commands/', pathNot: '^src/cli/commands/$1\\.ts$' } },
    { name: 'app-not-sideways', severity: 'error', comment: 'a use case does not call another command\'s use case (report alone composes them); shared loading lives in app/programme.ts and app/scenario.ts', from: { path: '^src/app/(allocate|validate|audit|compare|award)\\.ts$' }, to: { path: '^src/app/(allocate|validate|audit|compare|award|report)\\.ts$', pathNot: '^src/app/$1\\.ts$' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'] },
  },
};
