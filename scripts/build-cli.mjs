/**
 * Builds Voices' command-line scripts (seed, jobs, backup, restore) from TypeScript to plain JavaScript in
 * `dist/`, so they run on plain `node`: no TypeScript loader on any path a newcomer, CI or
 * production depends on.
 *
 * Run them with `node --conditions=production` (as `npm run seed` and `npm run jobs` do). Without
 * it Node picks Lexical's `*.node.mjs` entry points, which choose their build with a top-level
 * `await import()`; on Node 20 that await sometimes never settles while the module graph loads,
 * and the script stops with no output (exit code 13, or forever if anything keeps the event loop
 * alive). That was the first-run stall. The condition selects Lexical's plain ES module builds.
 *
 * Voices' own code is bundled, resolving the `@/` and `@payload-config` aliases from
 * tsconfig.json; every npm package stays external and is loaded from node_modules as usual.
 */
import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const scripts = ['seed', 'jobs', 'backup', 'restore', 'transfer']

/**
 * Next.js publishes subpath modules such as `next/cache` as files without an `exports` map,
 * which Node's ESM loader only finds with their extension.
 */
const nextSubpaths = {
  name: 'next-subpaths',
  setup(builder) {
    builder.onResolve({ filter: /^next\/[\w-]+$/ }, (args) => ({ path: `${args.path}.js`, external: true }))
  },
}

await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(scripts.map((name) => [name, `scripts/${name}.ts`])),
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: 'linked',
  logLevel: 'warning',
  tsconfig: 'tsconfig.json',
  plugins: [nextSubpaths],
  // Some bundled modules ask for their own location; keep it pointing at the project root.
  banner: {
    js: "import { createRequire as __voicesRequire } from 'node:module'; const require = __voicesRequire(import.meta.url);",
  },
})
