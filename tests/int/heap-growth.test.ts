import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

import { HEAP_GROWING_PERCENT, slowHeapGrowth } from '@/server/heapGrowth.mjs'

/**
 * The production server's heap growth (server/heapGrowth.mjs), in a fresh Node process each time:
 * the flag is one this Node knows, and it holds the heap of a server-like workload (a live set
 * that is replaced piece by piece) well below where V8's default lets it grow.
 */

const heapGrowthModule = pathToFileURL(path.resolve('server/heapGrowth.mjs')).href

/** A live set of about 20 MB whose pieces are replaced in turn, as cached pages and renders are. */
const workload = (setGrowth: boolean) => `
  import { slowHeapGrowth } from ${JSON.stringify(heapGrowthModule)}
  const set = ${setGrowth} ? slowHeapGrowth() : undefined
  const live = []
  const make = (n) => Array.from({ length: 25000 }, (_, i) => ({ n, i }))
  for (let i = 0; i < 100; i++) live.push(make(i))
  let peak = 0
  for (let round = 0; round < 200; round++) {
    live[round % live.length] = make(round)
    peak = Math.max(peak, process.memoryUsage().heapTotal)
  }
  console.log(JSON.stringify({ set, peakMB: peak / 1048576 }))
`

function run(setGrowth: boolean, execArgv: string[] = []) {
  const child = spawnSync(process.execPath, [...execArgv, '--input-type=module', '-e', workload(setGrowth)], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  expect(child.status, child.stderr).toBe(0)
  return { stderr: child.stderr, ...(JSON.parse(child.stdout) as { set?: number; peakMB: number }) }
}

describe('the server heap grows slowly', () => {
  it('sets a flag this Node knows, and the heap stays well below the default growth', () => {
    const grown = run(false)
    const slow = run(true)
    // V8 only prints "unrecognized flag" for a flag it does not have, and carries on without it.
    expect(slow.stderr).toBe('')
    expect(slow.set).toBe(HEAP_GROWING_PERCENT)
    expect(slow.peakMB).toBeLessThan(grown.peakMB * 0.75)
  }, 60_000)

  it("leaves an operator's own --heap-growing-percent in force", () => {
    expect(slowHeapGrowth(['--heap-growing-percent=50'])).toBeUndefined()
    expect(slowHeapGrowth(['--heap-growing-percent', '50'])).toBeUndefined()
    const operator = run(true, ['--heap-growing-percent=400'])
    expect(operator.set).toBeUndefined()
    expect(operator.stderr).toBe('')
  }, 60_000)
})
