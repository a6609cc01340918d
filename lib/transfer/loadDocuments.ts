import type { CollectionSlug, GlobalSlug, Payload, PayloadRequest } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'

import { transferNames } from './contents'
import type { TransferManifest } from './manifest'
import { type IdMap, withNewIds } from './newIds'

type Row = Record<string, unknown> & { id: string }
type VersionRow = Row & {
  parent?: string
  version: Record<string, unknown>
  autosave?: boolean
  createdAt: string
  updatedAt: string
  publishedLocale?: string
  snapshot?: boolean
}

/**
 * Writes every document of an unpacked transfer into the target through its database adapter,
 * keeping each document's id (or giving it its new one from `ids`), its timestamps and every
 * field as stored: no hooks run, so nothing is re-derived, re-published or mailed. Versions are
 * written oldest first, so the newest of each document is its latest, as it was.
 */
export async function loadDocuments(
  payload: Payload,
  tree: string,
  manifest: TransferManifest,
  ids: IdMap | null,
  req: PayloadRequest,
): Promise<void> {
  const mapped = <T>(value: T): T => (ids ? withNewIds(value, ids) : value)
  const idOf = (id: string) => ids?.get(id) ?? id

  for (const collection of Object.keys(manifest.collections) as CollectionSlug[]) {
    for await (const { id, ...data } of lines<Row>(path.join(tree, transferNames.documents(collection)))) {
      await payload.db.create({ collection, data: mapped(data), customID: idOf(id), req, returning: false })
    }
    if (manifest.collections[collection]!.versions === 0) continue
    for (const row of await oldestFirst<VersionRow>(path.join(tree, transferNames.versions(collection)))) {
      const version = mapped(row)
      await payload.db.createVersion({
        collectionSlug: collection,
        parent: version.parent!,
        ...versionArgs(version),
        req,
      })
    }
  }

  for await (const { slug, data } of lines<{ slug: GlobalSlug; data: Record<string, unknown> }>(
    path.join(tree, transferNames.globals),
  )) {
    const { id: _id, ...values } = mapped(data)
    const existing = await payload.db.findGlobal({ slug, req })
    // A global's row id and creation time are the target's own: nothing refers to them.
    if (existing && Object.keys(existing).length > 0) {
      await payload.db.updateGlobal({ slug, data: values, req, returning: false })
    } else {
      await payload.db.createGlobal({ slug, data: values, req, returning: false })
    }
  }
  for (const global of Object.keys(manifest.globals) as GlobalSlug[]) {
    if (manifest.globals[global]!.versions === 0) continue
    for (const row of await oldestFirst<VersionRow>(path.join(tree, transferNames.globalVersions(global)))) {
      await payload.db.createGlobalVersion({ globalSlug: global, ...versionArgs(mapped(row)), req })
    }
  }
}

/** A version as the adapter writes it: its content, kind and times, as they were stored. */
function versionArgs(version: VersionRow) {
  return {
    versionData: version.version as never,
    autosave: Boolean(version.autosave),
    createdAt: version.createdAt,
    updatedAt: version.updatedAt,
    publishedLocale: version.publishedLocale,
    snapshot: version.snapshot || undefined,
    returning: false as const,
  }
}

/** The documents of one file of the archive, one per line. */
export async function* lines<T>(file: string): AsyncGenerator<T> {
  const input = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })
  for await (const line of input) if (line) yield JSON.parse(line) as T
}

async function oldestFirst<T extends VersionRow>(file: string): Promise<T[]> {
  const rows: T[] = []
  for await (const row of lines<T>(file)) rows.push(row)
  return rows.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.createdAt.localeCompare(b.createdAt))
}
