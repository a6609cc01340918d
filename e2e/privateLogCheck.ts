import fs from 'node:fs'
import path from 'node:path'

import { e2eLogDir, typedPrivateValues } from './logs'
import { findPrivateValues, type PrivateValue, seededPrivateValues } from './privateLogScan'

/**
 * The end of every e2e run (Playwright's globalTeardown, while the suite's server still runs):
 * no private value the run put in reached any server's log. The values are the seed's (legal
 * and real names, notes, consent records) and those the specs typed in (./logs.ts,
 * `privateValue`); the logs are every server's output during the run, in e2eLogDir. A hit fails
 * the run, naming the kind of value, the file and the line, never the value.
 */
export default async function checkLogsForPrivateValues(): Promise<void> {
  const seeded = seededPrivateValues()
  if (seeded.length === 0) throw new Error('The log check found no private values in the seed: it would check nothing.')
  const values: PrivateValue[] = [
    ...seeded,
    ...typedPrivateValues().map(({ kind, value }) => ({ kind, value, source: 'typed by a spec' })),
  ]
  const files = fs.existsSync(e2eLogDir) ? fs.readdirSync(e2eLogDir).filter((name) => name.endsWith('.log')) : []
  if (!files.includes('server.log')) {
    throw new Error(`The log check found no server.log in ${e2eLogDir}: scripts/e2e-server.mjs writes it.`)
  }
  let lines = 0
  const found: string[] = []
  for (const file of files.sort()) {
    const log = fs.readFileSync(path.join(e2eLogDir, file), 'utf8')
    lines += log.split('\n').length
    for (const hit of findPrivateValues(log, values))
      found.push(`${file} line ${hit.line}: ${hit.kind} (${hit.source})`)
  }
  if (found.length > 0) {
    throw new Error(
      `Private values reached the servers' logs in ${e2eLogDir} (the values are not repeated here):\n` +
        found
          .slice(0, 50)
          .map((hit) => `  ${hit}`)
          .join('\n') +
        (found.length > 50 ? `\n  … and ${found.length - 50} more` : ''),
    )
  }
  console.log(
    `Logs checked: ${lines} lines in ${files.length} file(s), none holding any of ${values.length} private values.`,
  )
}
