/**
 * Renders the README's roles table from access/accessTable.mjs, between the
 * `<!-- access-table:start -->` and `<!-- access-table:end -->` markers.
 *
 *   node scripts/access-table.mjs           writes the table into README.md (`npm run docs:access`)
 *   node scripts/access-table.mjs --check   exits 1, printing the table expected, when README.md differs
 *
 * tests/int/access-table.test.ts makes the same comparison. The table is written as Prettier
 * formats Markdown tables, so `npm run format:check` and this check agree.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import {
  accessTable,
  apisOf,
  conditionOf,
  conditions,
  everyone,
  may,
  operationsOf,
  privateFields,
} from '../access/accessTable.mjs'

export const startMarker = '<!-- access-table:start -->'
export const endMarker = '<!-- access-table:end -->'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const readmePath = path.join(root, 'README.md')

const apiNames = { rest: 'REST', graphql: 'GraphQL', local: 'the local API' }

/**
 * One role's cell: the operations it may do, those under the same condition together ("read;
 * create, update (drafts only)"), then what else it does there.
 */
function cell(who, row) {
  const groups = new Map()
  for (const op of operationsOf(row).filter((op) => may(who, op, row.slug))) {
    const condition = conditionOf(who, op, row.slug) ?? ''
    groups.set(condition, [...(groups.get(condition) ?? []), op])
  }
  // Unconditional operations first.
  const ordered = [...groups].sort(([a], [b]) => Number(Boolean(a)) - Number(Boolean(b)))
  const allowed = ordered.map(([condition, ops]) =>
    condition ? `${ops.join(', ')} (${conditions[condition]})` : ops.join(', '),
  )
  const also = row.also?.[who]
  if (!also) return allowed.join('; ') || '—'
  return allowed.length ? `${allowed.join('; ')}; also ${also}` : also
}

/** The row's note, and the APIs it is missing from. */
function notes(row) {
  const missing = ['rest', 'graphql'].filter((api) => !apisOf(row).includes(api)).map((api) => apiNames[api])
  const unexposed = missing.length ? `Not in ${missing.join(' or ')}.` : ''
  return [row.note, unexposed].filter(Boolean).join(' ')
}

const escape = (text) => text.replaceAll('|', '\\|')

/** A Markdown table laid out as Prettier lays it out: every column as wide as its widest cell. */
function markdownTable(header, rows) {
  const all = [header, ...rows].map((cells) => cells.map(escape))
  const widths = header.map((_, i) => Math.max(3, ...all.map((cells) => [...cells[i]].length)))
  const line = (cells) => `| ${cells.map((text, i) => text + ' '.repeat(widths[i] - [...text].length)).join(' | ')} |`
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`
  return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n')
}

/** The Markdown that belongs between the markers. */
export function renderAccessTable() {
  const header = ['', ...everyone, 'notes']
  const rows = accessTable.map((row) => [
    `${row.label} (\`${row.slug}\`)`,
    ...everyone.map((who) => cell(who, row)),
    notes(row),
  ])
  const readers = privateFields.readers.join(' and ')
  const writers = privateFields.writers.join(' and ')
  const who =
    readers === writers
      ? `read and written only by ${readers}`
      : `read only by ${readers} and written only by ${writers}`
  return [
    markdownTable(header, rows),
    '',
    `Private fields, as \`${privateFields.declaredIn}\` declares them, are ${who}; nobody else receives them, ` +
      'through any API.',
  ].join('\n')
}

/** The README with `table` between the markers; throws when the markers are missing. */
export function withTable(readme, table = renderAccessTable()) {
  const start = readme.indexOf(startMarker)
  const end = readme.indexOf(endMarker)
  if (start < 0 || end < start) throw new Error(`README.md needs ${startMarker} and ${endMarker}`)
  return `${readme.slice(0, start + startMarker.length)}\n\n${table}\n\n${readme.slice(end)}`
}

/** What stands between the markers now, trimmed. */
export function tableIn(readme) {
  const start = readme.indexOf(startMarker)
  const end = readme.indexOf(endMarker)
  if (start < 0 || end < start) return null
  return readme.slice(start + startMarker.length, end).trim()
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const readme = fs.readFileSync(readmePath, 'utf8')
  const expected = renderAccessTable()
  if (process.argv.includes('--check')) {
    if (tableIn(readme) === expected) process.exit(0)
    console.error(`README.md's roles table differs from access/accessTable.mjs. Expected:\n\n${expected}\n`)
    console.error('Run `npm run docs:access` to write it.')
    process.exit(1)
  }
  const next = withTable(readme, expected)
  if (next !== readme) fs.writeFileSync(readmePath, next)
  console.log(next === readme ? 'README.md: roles table already up to date.' : 'README.md: roles table written.')
}
