import type { Access, SanitizedConfig } from 'payload'

import { relationId } from '@/lib/relations'
import { hasRole } from '@/lib/roles'

type LockData = { user?: { relationTo?: unknown; value?: unknown } | null } | undefined

/** A lock written through the API names its writer as the one editing; never someone else. */
const claimsSelf = (data: LockData, userId: unknown) =>
  data?.user?.relationTo === 'users' && relationId(data.user.value) === String(userId)

const createOwnLock: Access = ({ req: { user }, data }) => Boolean(user) && claimsSelf(data as LockData, user!.id)

/**
 * Updating a lock: taking it over (the admin's "Take over" sets it to yourself) or refreshing your
 * own. Nobody puts a lock in someone else's name, which would stop everyone else from saving.
 */
const updateOwnLock: Access = ({ req: { user }, data }) => {
  if (!user) return false
  const lock = data as LockData
  if (lock?.user !== undefined) return claimsSelf(lock, user.id)
  return { 'user.value': { equals: user.id } }
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
  const locks = config.collections.find((collection) => collection.slug === 'payload-locked-documents')
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
