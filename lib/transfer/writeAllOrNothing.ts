import type { Payload, PayloadRequest } from 'payload'

import { databaseUri, isMongoUri } from '@/lib/env'

import { carriedCollections } from './contents'

/**
 * Runs `write` so that it lands whole or not at all.
 *
 * SQLite: in one transaction, with its foreign-key checks deferred to the commit, since documents
 * refer to each other in circles (a participant's consent was recorded by a user who may have
 * written a story about her) and no order of inserts satisfies every reference as it goes. At
 * the commit SQLite checks them all: an archive with a dangling reference loads nothing.
 *
 * MongoDB: a transaction would outlive MongoDB's 60-second limit on a large instance, and the
 * target was checked empty, so on failure everything written is deleted again.
 */
export async function writeAllOrNothing(payload: Payload, req: PayloadRequest, write: () => Promise<void>) {
  if (isMongoUri(databaseUri())) {
    try {
      await write()
    } catch (error) {
      await emptyAgain(payload)
      throw error
    }
    return
  }
  const transactionID = await payload.db.beginTransaction!()
  if (!transactionID) throw new Error('The database did not open a transaction')
  req.transactionID = transactionID
  try {
    const db = (payload.db as unknown as { sessions: Record<string, { db: unknown }> }).sessions[String(transactionID)]!
      .db
    await payload.db.execute({ db, raw: 'PRAGMA defer_foreign_keys = ON' } as never)
    await write()
    await payload.db.commitTransaction(transactionID)
  } catch (error) {
    await payload.db.rollbackTransaction(transactionID)
    throw error
  } finally {
    delete req.transactionID
  }
}

async function emptyAgain(payload: Payload): Promise<void> {
  for (const { slug, versions } of carriedCollections(payload.config)) {
    await payload.db.deleteMany({ collection: slug, where: {} })
    if (versions) await payload.db.deleteVersions({ collection: slug, where: {} })
  }
  for (const { slug, versions } of payload.config.globals) {
    if (versions) await payload.db.deleteVersions({ globalSlug: slug, where: {} } as never)
  }
}
