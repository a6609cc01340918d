import type { Access, SanitizedConfig, Where } from 'payload'

import { relationId } from '@/lib/relations'
import { hasRole } from '@/lib/roles'

import { type LockTarget, mayEditDocument } from './mayEditDocument'

type LockData = ({ user?: { relationTo?: unknown; value?: unknown } | null } & LockTarget) | undefined

const locksSlug = 'payload-locked-documents'

/** A lock written through the API names its writer as the one editing; never someone else. */
const claimsSelf = (data: LockData, userId: unknown) =>
  data?.user?.relationTo === 'users' && relationId(data.user.value) === String(userId)

/** A lock is for a document its holder may edit: one on anything else would only keep others out. */
const createOwnLock: Access = async ({ req, data }) =>
  Boolean(req.user) && claimsSelf(data as LockData, req.user!.id) && (await mayEditDocument(req, data as LockTarget))

/**
 * Updating a lock: refreshing your own, or taking one over (the admin's "Take over" sets it to
 * yourself). Nobody puts a lock in someone else's name, which would stop everyone else from
 * saving; nobody points a lock at, or takes over one on, what she may not edit. Without a lock's
 * ID, only one's own.
 */
const updateOwnLock: Access = async ({ req, data, id }) => {
  const { user } = req
  if (!user) return false
  const lock = (data ?? {}) as NonNullable<LockData>
  if (lock.user !== undefined && !claimsSelf(lock, user.id)) return false
  const retargets = lock.document !== undefined || lock.globalSlug !== undefined
  if (retargets && !(await mayEditDocument(req, lock))) return false
  const own: Where = { 'user.value': { equals: user.id } }
  if (lock.user === undefined || id === undefined) return own
  if (retargets) return true
  const stored = await req.payload.findByID({
    collection: locksSlug,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return Boolean(stored) && mayEditDocument(req, stored as LockTarget)
}

const deleteOwnLock: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { 'user.value': { equals: user.id } }
}

/**
 * Payload's `payload-locked-documents` collection (who is editing what) is open by default to
 * every signed-in user: a contributor could create a lock in an editor's name and so block every
 * save of a story, or delete anyone's lock. Here each member of staff writes only her own locks.
 */
export function limitDocumentLocks(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((collection) => collection.slug === locksSlug)
  if (locks) {
    locks.access = {
      ...locks.access,
      read: ({ req: { user } }) => Boolean(user),
      create: createOwnLock,
      update: updateOwnLock,
      delete: deleteOwnLock,
    }
  }
  return config
}
