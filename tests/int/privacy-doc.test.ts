import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * docs/PRIVACY.md maps every privacy rule to the files that hold it and the tests that prove it.
 * The map must stay true: every file and test it names exists, and every file in privacy/ is on it.
 */
const root = process.cwd()
const doc = fs.readFileSync(path.join(root, 'docs/PRIVACY.md'), 'utf8')

type Row = { rule: string; files: string[]; proofs: Array<{ file: string; title: string }> }

function rows(): Row[] {
  const table = doc
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Rule') && !line.startsWith('| ---'))
  return table.map((line) => {
    const [rule = '', where = '', proved = ''] = line.split(' | ').map((cell) => cell.replace(/^\| |\s\|$/g, ''))
    return {
      rule,
      files: [...where.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
      proofs: [...proved.matchAll(/`([^`]+\.(?:test|spec)\.ts)` › "([^"]+)"/g)].map((m) => ({
        file: m[1]!,
        title: m[2]!,
      })),
    }
  })
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`
    return entry.isDirectory() ? filesUnder(relative) : [relative]
  })
}

describe('docs/PRIVACY.md', () => {
  const table = rows()

  it('has a rule on every row, each held by a file and proved by a test', () => {
    expect(table.length).toBeGreaterThan(10)
    for (const row of table) {
      expect(row.rule, JSON.stringify(row)).not.toBe('')
      expect(row.files.length, row.rule).toBeGreaterThan(0)
      expect(row.proofs.length, row.rule).toBeGreaterThan(0)
    }
  })

  it('names only files that exist', () => {
    for (const file of table.flatMap((row) => row.files)) {
      expect(fs.existsSync(path.join(root, file)), file).toBe(true)
    }
  })

  it('names only tests that exist, by their exact title', () => {
    for (const { file, title } of table.flatMap((row) => row.proofs)) {
      const source = fs.readFileSync(path.join(root, file), 'utf8')
      const declared = [`'${title}'`, `"${title}"`, `\`${title}\``].some((quoted) => source.includes(quoted))
      expect(declared, `${file} › "${title}"`).toBe(true)
    }
  })

  it('maps every file in privacy/', () => {
    const mapped = new Set(table.flatMap((row) => row.files))
    for (const file of filesUnder('privacy')) expect(mapped.has(file), `${file} is on no row`).toBe(true)
  })
})
