import type { PayloadRequest } from 'payload'

import { locales } from '@/lib/locales'
import { type ByLocale, writeLocalized } from '@/lib/payload/writeLocalized'

import { searchIndexOf } from './fold'

type Stored = Record<string, unknown>

function indexOf(story: Stored): ByLocale {
  const inLocale = (field: string, locale: string) =>
    (story[field] as Record<string, string | null | undefined> | undefined)?.[locale]
  return Object.fromEntries(
    locales.map(({ code }) => [
      code,
      searchIndexOf([inLocale('title', code), inLocale('excerpt', code), inLocale('searchText', code)]),
    ]),
  )
}

/**
 * For stories stored before site search read a folded index: builds it, in every locale, on
 * each published or unpublished story and its latest version (what the next publish starts from),
 * straight in the database, without new versions. Safe to run again.
 */
export async function backfillSearchIndex(req: PayloadRequest): Promise<void> {
  const { payload } = req
  const { docs } = await payload.db.find<Stored & { id: string }>({
    collection: 'stories',
    limit: 0,
    pagination: false,
    sort: 'createdAt',
    req,
  })
  for (const { id } of docs) {
    const stored = await payload.db.findOne<Stored & { id: string }>({
      collection: 'stories',
      where: { id: { equals: id } },
      locale: 'all',
      req,
    })
    if (stored) {
      const changes = new Map([['searchIndex', indexOf(stored)]])
      await writeLocalized(req, { collection: 'stories', kind: 'document', id, stored }, changes)
    }
    const { docs: versions } = await payload.db.findVersions<Stored>({
      collection: 'stories',
      where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
      locale: 'all',
      limit: 1,
      sort: '-updatedAt',
      req,
    })
    const latest = versions[0]
    if (latest) {
      const changes = new Map([['searchIndex', indexOf(latest.version)]])
      await writeLocalized(
        req,
        { collection: 'stories', kind: 'version', id: latest.id, stored: latest.version },
        changes,
      )
    }
  }
}
