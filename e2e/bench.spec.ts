import { runBenchScript } from './benchScripts'
import { expect, test } from './fixtures'
import { ownPort } from './servers'

/**
 * The read benchmark, small: `bench/read.mjs` for one second a measurement at two connections, on
 * its own production server, a copy of the suite's data and nginx. It proves the script runs end
 * to end and its figures parse; how fast is BENCHMARKS.md's question, so no figure is judged here
 * beyond being measured.
 */
type Run = { connections: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number }
type Page = { path: string; runs: Run[] }
type ReadResult = {
  cached: Record<string, Page>
  uncachedStory: Page
  fromNginx: Record<string, Page>
  cacheSpeedup: number
  voicesToNginx: Record<string, number[]>
}

test('the read benchmark runs end to end and reports every page, cached, uncached and from nginx', async () => {
  // Three servers booted one after another (cached, uncached, nginx) on a busy machine.
  test.setTimeout(600_000)
  const { code, stdout, stderr, result } = await runBenchScript<ReadResult>('bench/read.mjs', [
    '--port',
    String(ownPort(16)),
    '--seconds',
    '1',
    '--connections',
    '2',
  ])
  console.log(stdout)
  expect(result, `the benchmark printed no result:\n${stderr}`).not.toBeNull()
  expect(code, stderr).toBe(0)
  const pages = ['home', 'storiesIndex', 'story', 'program']
  for (const table of [result!.cached, result!.fromNginx]) {
    expect(Object.keys(table).sort()).toEqual([...pages].sort())
    for (const page of Object.values(table)) {
      expect(page.runs).toHaveLength(1)
      expect(page.runs[0]).toMatchObject({ connections: 2, non2xx: 0 })
      expect(page.runs[0]!.requestsPerSecond).toBeGreaterThan(0)
    }
  }
  expect(result!.cached.story!.path).toMatch(/^\/en\/stories\/[a-z0-9-]+$/)
  expect(result!.uncachedStory.runs[0]!.requestsPerSecond).toBeGreaterThan(0)
  expect(result!.cacheSpeedup).toBeGreaterThan(0)
  for (const page of pages) expect(result!.voicesToNginx[page]![0]).toBeGreaterThan(0)
})
