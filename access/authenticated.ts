import type { PayloadRequest } from 'payload'

/**
 * Any signed-in member of staff, whatever their role. Returns a plain boolean so it also
 * serves as the admin-panel gate (`access.admin`), which accepts nothing else.
 */
export const authenticated = ({ req: { user } }: { req: PayloadRequest }): boolean => Boolean(user)
