import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The README's first line runs `npm run seed -- --if-empty` before the server starts: the seed
 * script built to plain JavaScript, on plain Node, exactly as `npm run seed` starts it. The first
 * run once stalled a third of the time: without `--conditions=production`, Node picks Lexical's
 * `*.node.mjs` entry points, whose top-level `await import()` sometimes never settles (see
 * scripts/build-cli.mjs). The first test below checks that cause on every command that starts a
 * built script; the runs after it take that path on a data folder of their own, and each must
 * finish with exit code 0.
 */
const root = process.cwd()
const runs = 5

/** Lexical and every @lexical package installed: the modules with the stalling entry points. */
function lexicalPackages(): string[] {
  const scoped = fs.readdirSync(path.join(root, 'node_modules/@lexical')).map((name) => `@lexical/${name}`)
  return ['lexical', ...scoped]
}

/** Where Node resolves each of `specifiers` from Voices' root, started with `flags`. */
function resolved(specifiers: string[], flags: string[]): string[] {
  const script = `for (const s of ${JSON.stringify(specifiers)}) { try { console.log(import.meta.resolve(s)) } catch { console.log('-') } }`
  const run = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  })
  expect(run.status, run.stderr).toBe(0)
  return run.stdout.trim().split('\n')
}

/** The settings a production process must have (lib/settings), as an operator sets them. */
const production = {
  NODE_ENV: 'production',
  PAYLOAD_SECRET: 'a production secret of more than thirty-two characters',
  NEXT_PUBLIC_SERVER_URL: 'https://voices.wep.kz',
}

function node(args: string[], dataDir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      VOICES_DATA_DIR: dataDir,
      DATABASE_URI: '',
      PAYLOAD_SECRET: '',
      NODE_ENV: 'development',
      ...env,
    },
    encoding: 'utf8',
    timeout: 90_000,
    killSignal: 'SIGKILL',
  })
  return { status: result.status, signal: result.signal, output: `${result.stdout}${result.stderr}` }
}

describe('the command-line scripts', () => {
  let dataDir: string

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-cli-'))
    const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' })
    expect(built.status, built.stderr).toBe(0)
    return () => fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('are all started with the production condition, which passes over Lexical’s stalling entry points', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    const builtRuns = Object.entries(scripts).filter(([, command]) => /\bdist\/\w+\.mjs\b/.test(command))
    expect(builtRuns.map(([name]) => name).sort()).toEqual(['backup', 'jobs', 'restore', 'seed', 'transfer'])
    for (const [name, command] of builtRuns) {
      for (const start of command.match(/\bnode\b[^&|;]*\bdist\/\w+\.mjs/g) ?? []) {
        expect(start, `npm run ${name}`).toMatch(/^node --conditions=production dist\//)
      }
    }
    const packages = lexicalPackages()
    const plain = resolved(packages, [])
    const production = resolved(packages, ['--conditions=production'])
    // Without the condition the stalling entry points are what Node loads, so this check can fail.
    expect(plain.filter((file) => file.endsWith('.node.mjs')).length).toBeGreaterThan(5)
    expect(packages.filter((name, i) => production[i]!.endsWith('.node.mjs'))).toEqual([])
  })

  it(
    `seed an empty database on plain Node, then leave it alone, ${runs} runs in a row without a stall`,
    { timeout: runs * 90_000 },
    () => {
      const first = node(['--conditions=production', 'dist/seed.mjs', '--if-empty'], dataDir)
      expect(first, first.output).toMatchObject({ status: 0, signal: null })
      expect(first.output).toContain('Voices: seeded 1 program')
      for (let run = 2; run <= runs; run += 1) {
        const again = node(['--conditions=production', 'dist/seed.mjs', '--if-empty'], dataDir)
        expect(again, `run ${run}: ${again.output}`).toMatchObject({ status: 0, signal: null })
        expect(again.output).toContain('the database already has content')
      }
    },
  )

  it('run the jobs worker once on plain Node', () => {
    const once = node(['--conditions=production', 'dist/jobs.mjs', '--once'], dataDir)
    expect(once, once.output).toMatchObject({ status: 0, signal: null })
  })

  it('refuse in production a database `npm run dev` made, in words, changing nothing', () => {
    const file = path.join(dataDir, 'voices.db')
    const before = fs.readFileSync(file)
    const refused = node(['--conditions=production', 'dist/jobs.mjs', '--once'], dataDir, production)
    expect(refused.status, refused.output).toBe(1)
    expect(refused.output).toContain(
      `Voices jobs cannot start: the database ${file} (VOICES_DATA_DIR) was made by \`npm run dev\``,
    )
    expect(refused.output, 'a stack trace').not.toMatch(/\n\s+at /)
    expect(refused.output).toContain('NODE_ENV=production npm run seed')
    // Payload's own question ("data loss will occur. Would you like to proceed?") never came.
    expect(refused.output).not.toMatch(/proceed\?/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('tell a production seed into a data folder that is not there in one line, creating nothing', () => {
    const missing = path.join(dataDir, 'not-mounted')
    const refused = node(['--conditions=production', 'dist/seed.mjs'], missing, production)
    expect(refused.status, refused.output).toBe(1)
    expect(refused.output).toContain(
      `Voices seed cannot start: the database folder ${missing} does not exist (VOICES_DATA_DIR).`,
    )
    expect(refused.output, 'a stack trace').not.toMatch(/\n\s+at /)
    expect(fs.existsSync(missing)).toBe(false)
  })

  it('refuse unknown arguments with a usage line and exit code 2, changing nothing', () => {
    const wrong = node(['--conditions=production', 'dist/seed.mjs', '--everything'], dataDir)
    expect(wrong.status).toBe(2)
    expect(wrong.output).toContain('Usage: npm run seed')
  })
})
