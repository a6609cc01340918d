import type { Payload, PaginatedDocs, TypeWithID } from 'payload'

import fs from 'node:fs'
import path from 'node:path'

import { carriedCollections, carriedGlobals, transferNames } from './contents'
import type { TransferManifest } from './manifest'

const pageSize = 250

type Counts = Pick<TransferManifest, 'collections' | 'globals'>

/**
 * Writes every document of the instance into `folder`, one JSON document per line, read through
 * the database adapter: every locale, every field (hidden ones such as password hashes too), with
 * no hooks and no access rules, so what is written is exactly what is stored. Versions (drafts,
 * autosaves, the history) are written beside their collection or global.
 */
export async function readDocuments(payload: Payload, folder: string): Promise<{ counts: Counts; files: string[] }> {
  const files: string[] = []
  const counts: Counts = { collections: {}, globals: {} }
  const write = async (name: string, docs: AsyncIterable<unknown>) => {
    files.push(name)
    return writeLines(path.join(folder, name), docs)
  }

  for (const collection of carriedCollections(payload.config)) {
    const slug = collection.slug
    const documents = await write(
      transferNames.documents(slug),
      pages((page) =>
        payload.db.find({
          collection: slug,
          locale: 'all',
          sort: 'id',
          page,
          limit: pageSize,
          where: {},
        }),
      ),
    )
    const versions = collection.versions
      ? await write(
          transferNames.versions(slug),
          pages((page) =>
            payload.db.findVersions({ collection: slug, locale: 'all', sort: 'id', page, limit: pageSize, where: {} }),
          ),
        )
      : 0
    counts.collections[slug] = { documents, versions }
  }

  const globals: unknown[] = []
  for (const global of carriedGlobals(payload.config)) {
    const slug = global.slug
    const data = await payload.db.findGlobal({ slug, locale: 'all', where: {} })
    // A global nobody has saved yet has no row.
    if (data && Object.keys(data).length > 0) globals.push({ slug, data })
    const versions = global.versions
      ? await write(
          transferNames.globalVersions(slug),
          pages((page) =>
            payload.db.findGlobalVersions({
              global: slug,
              locale: 'all',
              sort: 'id',
              page,
              limit: pageSize,
              where: {},
            }),
          ),
        )
      : 0
    counts.globals[slug] = { versions }
  }
  await write(
    transferNames.globals,
    (async function* () {
      yield* globals
    })(),
  )
  return { counts, files }
}

async function* pages<T extends TypeWithID>(read: (page: number) => Promise<PaginatedDocs<T>>): AsyncGenerator<T> {
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await read(page)
    yield* docs
    if (!hasNextPage) return
  }
}

async function writeLines(file: string, docs: AsyncIterable<unknown>): Promise<number> {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const handle = await fs.promises.open(file, 'wx', 0o600)
  let count = 0
  try {
    for await (const doc of docs) {
      await handle.write(`${JSON.stringify(doc)}\n`)
      count += 1
    }
  } finally {
    await handle.close()
  }
  return count
}
