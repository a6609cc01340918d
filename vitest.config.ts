import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Integration tests run against Payload's local API on a throwaway SQLite file per test file.
 * When MONGODB_URI is set the same suite runs a second time against MongoDB (a fresh database
 * per test file); otherwise the global setup says plainly that it was skipped.
 */
const mongoUri = process.env.MONGODB_URI?.trim()

/**
 * The files that run for minutes, longest first. Vitest starts the files it has timings for
 * longest first, but on a clean clone (CI) it has none and starts the largest files first, which
 * put these small ones last: the other worker then finished everything else and sat idle while
 * the seed runs of cli.test.ts went on alone, minutes added to every CI run. Started first,
 * they run beside the many short files instead.
 */
const longestFiles = [
  'tests/int/publishing-matrix.test.ts',
  'tests/int/transfer.test.ts',
  'tests/int/first-run.test.ts',
  'tests/int/cli.test.ts',
  'tests/int/backup.test.ts',
  'tests/int/jobs-workers.test.ts',
]

class LongestFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (file: TestSpecification) => {
      const index = longestFiles.findIndex((name) => file.moduleId.endsWith(name))
      return index < 0 ? longestFiles.length : index
    }
    // Projects still run one after the other, in the order the base sequencer gave them.
    const projectOrder = (file: TestSpecification) => sorted.findIndex((other) => other.project === file.project)
    return sorted
      .map((file, index) => ({ file, index }))
      .sort((a, b) => projectOrder(a.file) - projectOrder(b.file) || rank(a.file) - rank(b.file) || a.index - b.index)
      .map(({ file }) => file)
  }
}

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    setupFiles: ['tests/helpers/isolatedDatabase.ts'],
    // Each file boots its own Payload on its own database; two at a time suits a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    sequence: { sequencer: LongestFilesFirst },
    // The admin's server functions (tested in staff-powers) import stylesheets; Vite reads them.
    server: { deps: { inline: [/@payloadcms\/ui/, /react-image-crop/] } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true as const,
        // tests/int/mongodb holds what only MongoDB has; the move between databases
        // (transfer.test.ts) runs SQLite to SQLite here and SQLite to MongoDB there.
        test: { name: 'sqlite', env: { VOICES_TEST_DB: 'sqlite' }, exclude: ['tests/int/mongodb/**'] },
      },
      ...(mongoUri
        ? [
            {
              extends: true as const,
              test: { name: 'mongodb', env: { VOICES_TEST_DB: 'mongodb' }, exclude: ['tests/int/transfer.test.ts'] },
            },
          ]
        : []),
    ],
  },
})
