import type { Access } from 'payload'

/** Any signed-in member of staff, whatever their role. */
export const authenticated: Access = ({ req: { user } }) => Boolean(user)
