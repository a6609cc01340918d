import type { SanitizedConfig } from 'payload'

import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'

import { accessTable, apisOf, conditions, everyone, operationsOf, privateFields } from '@/access/accessTable.mjs'
import { roles } from '@/lib/roles'
import { privateData } from '@/privacy/privateData'
import { readmePath, renderAccessTable, tableIn } from '@/scripts/access-table.mjs'

/**
 * access/accessTable.mjs is the one declaration of who may do what: the README's table is its
 * rendering, and it has a row for every collection and global Payload serves, so the tests
 * generated from it (access-table-local, access-table-api, supporters-access, the e2e role specs)
 * leave nothing out.
 */
let config: SanitizedConfig

beforeAll(async () => {
  config = await ((await import('@payload-config')).default as unknown as Promise<SanitizedConfig>)
})

describe('the README', () => {
  it('shows the table as access/accessTable.mjs declares it', () => {
    const readme = fs.readFileSync(readmePath, 'utf8')
    const expected = renderAccessTable()
    const actual = tableIn(readme)
    if (actual !== expected) {
      console.error(
        `README.md's roles table differs from access/accessTable.mjs; \`npm run docs:access\` writes this:\n\n${expected}\n`,
      )
    }
    expect(actual, 'run `npm run docs:access`').toBe(expected)
  })

  it('says the table is the input of the access tests', () => {
    const readme = fs.readFileSync(readmePath, 'utf8')
    const tests = readme.slice(readme.indexOf('## Tests'))
    expect(tests).toContain('access/accessTable.mjs')
  })
})

describe('the declaration', () => {
  it('has a row for every collection and global in the Payload config, and no other', () => {
    const inConfig = [
      ...config.collections.map((c) => `collection ${c.slug}`),
      ...config.globals.map((g) => `global ${g.slug}`),
    ].sort()
    const declared = accessTable.map((row) => `${row.kind} ${row.slug}`).sort()
    expect(declared).toEqual(inConfig)
    expect(new Set(accessTable.map((row) => row.slug)).size).toBe(accessTable.length)
  })

  it('names the APIs each one is served through', () => {
    for (const row of accessTable) {
      const entity =
        row.kind === 'collection'
          ? config.collections.find((c) => c.slug === row.slug)
          : config.globals.find((g) => g.slug === row.slug)
      const inGraphQL = (entity as { graphQL?: unknown }).graphQL !== false
      expect(apisOf(row).includes('graphql'), `${row.slug} in GraphQL`).toBe(inGraphQL)
      expect(apisOf(row).includes('local'), `${row.slug} in the local API`).toBe(true)
    }
  })

  it('has a column for every role, and only operations and conditions it knows', () => {
    expect(everyone).toEqual(['anonymous', ...roles.map((role) => role.value)].sort(byColumn))
    for (const row of accessTable) {
      const known = operationsOf(row).map((op) => op[0]!.toUpperCase())
      for (const [who, letters] of Object.entries(row.can)) {
        expect(everyone, row.slug).toContain(who)
        for (const letter of letters ?? '') expect(known, `${row.slug} ${who}: ${letters}`).toContain(letter)
      }
      for (const [who, only] of Object.entries(row.only ?? {})) {
        for (const [op, condition] of Object.entries(only ?? {})) {
          expect(Object.keys(conditions), `${row.slug} ${who} ${op}`).toContain(condition)
          // A condition belongs to an operation the role may do.
          expect(row.can[who as keyof typeof row.can] ?? '', `${row.slug} ${who} ${op}`).toContain(op[0]!.toUpperCase())
        }
      }
    }
  })

  it('names private-data readers and writers that privacy/privateData.ts has fields for', () => {
    expect(Object.keys(privateData).length).toBeGreaterThan(0)
    for (const who of [...privateFields.readers, ...privateFields.writers]) expect(everyone).toContain(who)
    expect(privateFields.readers).not.toContain('anonymous')
  })
})

/** The table's column order: anonymous visitors first, then staff from the least powers up. */
function byColumn(a: string, b: string): number {
  const order = ['anonymous', 'contributor', 'editor', 'safeguarding', 'admin']
  return order.indexOf(a) - order.indexOf(b)
}
