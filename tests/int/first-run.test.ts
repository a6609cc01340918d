import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/**
 * The README's first line, `npm run dev`, on an empty data folder with nothing configured: it
 * must seed and then serve the seeded site. How long it takes is measured by the same script
 * in `npm run bench` (BENCHMARKS.md); here it only has to get there, within a generous bound.
 */
describe('the first run', () => {
  it('seeds an empty data folder and serves the seeded site', { timeout: 330_000 }, () => {
    const run = spawnSync(process.execPath, ['bench/first-run.mjs', '--port', '3191', '--timeout', '300'], {
      encoding: 'utf8',
      timeout: 320_000,
      killSignal: 'SIGKILL',
    })
    const result = JSON.parse(run.stdout.trim().split('\n').pop() || '{}')
    // The measurement, for the record; the budget is checked by `npm run bench`, not here.
    console.log(`first run: seeded after ${result.seededMs} ms, site served after ${result.servedMs} ms`)
    expect(result, run.stderr).toMatchObject({ served: true })
    expect(result.seededMs).toBeLessThan(result.servedMs)
  })
})
