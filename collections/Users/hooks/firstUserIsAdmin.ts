import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The first account, made on the admin's "Create first user" screen of a new instance, is an
 * admin: otherwise it would be a contributor (the role's default, which only admins may change)
 * and nobody could ever manage Voices. Scripts that create staff (the seed, tests) say the role.
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || req.payloadAPI === 'local') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}
