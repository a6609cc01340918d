import type { Field, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { canAccessPrivateData } from '@/privacy/access/canAccessPrivateData'
import { isPrivateCollection, privateData, privateFieldsOf } from '@/privacy/privateData'

/**
 * privacy/privateData.ts declares what is private; field and collection access must close exactly
 * that, so the audit (which logs what the declaration names) and erasure never miss a field. A
 * field closed to everyone but safeguarding staff and admins anywhere in Voices must be declared,
 * and every declared field must be closed that way.
 */
let config: SanitizedConfig

beforeAll(async () => {
  config = (await import('@payload-config')).default as unknown as SanitizedConfig
  config = await config
})

type Named = { name: string; access?: { read?: unknown; create?: unknown; update?: unknown } }

/** Every named field, with its path, through rows, collapsibles, tabs, groups, arrays and blocks. */
function namedFields(fields: Field[], prefix = ''): Array<{ path: string; field: Named }> {
  return fields.flatMap((field): Array<{ path: string; field: Named }> => {
    const named = 'name' in field && field.name ? [{ path: `${prefix}${field.name}`, field: field as Named }] : []
    const inner = 'name' in field && field.name ? `${prefix}${field.name}.` : prefix
    if ('fields' in field && Array.isArray(field.fields)) return [...named, ...namedFields(field.fields, inner)]
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => namedFields(tab.fields, prefix))
    if (field.type === 'blocks') return [...named, ...(field.blocks ?? []).flatMap((b) => namedFields(b.fields, inner))]
    return named
  })
}

const closedToStaff = (field: Named) => field.access?.read === canAccessPrivateData

function collection(slug: string): SanitizedCollectionConfig {
  const found = config.collections.find((c) => c.slug === slug)
  if (!found) throw new Error(`no collection ${slug}`)
  return found
}

describe('the private-data declaration and access control agree', () => {
  it('every field closed to all but safeguarding staff and admins is declared private, and no other', () => {
    const closed = config.collections.flatMap((c) =>
      namedFields(c.fields)
        .filter(({ field }) => closedToStaff(field))
        .map(({ path }) => `${c.slug}.${path}`),
    )
    const declared = Object.keys(privateData).flatMap((slug) =>
      isPrivateCollection(slug) && 'fields' in privateData[slug]
        ? privateFieldsOf(slug).map((field) => `${slug}.${field}`)
        : [],
    )
    expect(closed.sort()).toEqual(declared.sort())
  })

  it('every declared field is closed for reading and writing, at the top of its collection', () => {
    for (const slug of ['participants', 'leaders'] as const) {
      const fields = namedFields(collection(slug).fields)
      for (const name of privateFieldsOf(slug)) {
        const field = fields.find(({ path }) => path === name)?.field
        expect(field, `${slug}.${name}`).toBeDefined()
        expect(field!.access, `${slug}.${name}`).toMatchObject({
          read: canAccessPrivateData,
          create: canAccessPrivateData,
          update: canAccessPrivateData,
        })
      }
    }
  })

  it('a collection private as a whole is closed as a whole, and its file is served only through Payload', () => {
    const evidence = collection('consent-evidence')
    expect(evidence.access).toMatchObject({
      read: canAccessPrivateData,
      create: canAccessPrivateData,
      update: canAccessPrivateData,
      delete: canAccessPrivateData,
    })
    expect(evidence.upload && evidence.upload.staticDir).toMatch(/[/\\]private[/\\]consent-evidence$/)
    expect(evidence.upload && evidence.upload.handlers?.length).toBe(1)
  })

  it('every collection holding private data carries the audit hooks', () => {
    for (const slug of Object.keys(privateData)) {
      const { hooks } = collection(slug)
      expect(hooks.afterOperation?.length, slug).toBeGreaterThan(0)
      expect(hooks.afterChange?.length, slug).toBeGreaterThan(0)
      expect(hooks.afterDelete?.length, slug).toBeGreaterThan(0)
    }
  })
})
