import { spawn, spawnSync } from 'node:child_process'

/**
 * Runs a command-line script built to `dist/` on plain Node, as `npm run <name>` does, with the
 * given environment on top of the test's. Resolves when it exits, with everything it printed.
 */
export function runCli(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=production', `dist/${name}.mjs`, ...args], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve({ status, output })
    })
  })
}

/** Builds the command-line scripts (scripts/build-cli.mjs); throws with esbuild's message if that fails. */
export function buildCli(): void {
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: process.cwd(), encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`scripts/build-cli.mjs failed: ${built.stderr}`)
}
