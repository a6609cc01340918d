import { runBenchScript } from './benchScripts'
import { expect, test } from './fixtures'
import { ownPort } from './servers'

/**
 * The soak, short: `bench/soak.mjs` for 30 s, on its own production server and a copy of the
 * suite's data. Visitors read every public page while editors publish and a safeguarding officer
 * withdraws consents: no 5xx, no lost edit, every withdrawal taken down and staying down, every
 * edit live, the database whole afterwards (the script's exit code). How fast is the benchmark's
 * question (`npm run soak`, 100 readers, 5 minutes, BENCHMARKS.md), so times are reported here,
 * not judged, and 10 readers keep the run about what it proves rather than about the machine.
 */
type SoakResult = { requests: number; edits: { saved: number }; withdrawals: { count: number }; failures: string[] }

test('the soak: 30 s of readers, editors and withdrawals without a 5xx, a lost edit or a takedown undone', async () => {
  // Booting and setting up on a busy machine, 30 s of load, and the checks after it. The script
  // bounds itself well within this (setup, duration and its own wind-down).
  test.setTimeout(600_000)
  const { code, stdout, stderr, result } = await runBenchScript<SoakResult>('bench/soak.mjs', [
    '--port',
    String(ownPort(15)),
    '--seconds',
    '30',
    '--readers',
    '10',
    '--times-reported-only',
  ])
  console.log(stdout)
  expect(result, `the soak printed no result:\n${stderr}`).not.toBeNull()
  expect(code, `${result!.failures.join('\n')}\n${stderr}`).toBe(0)
  expect(result!.requests).toBeGreaterThan(0)
  expect(result!.withdrawals.count).toBeGreaterThanOrEqual(1)
  expect(result!.edits.saved).toBeGreaterThan(0)
})
