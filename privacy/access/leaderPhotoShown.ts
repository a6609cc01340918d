import type { FieldAccess } from 'payload'

/**
 * A leader's photo reaches visitors only with her photo consent (`photoShown`). A read that
 * selects the photo without that flag gets no photo: without the flag there is no consent to see.
 */
export const leaderPhotoShown: FieldAccess = ({ req: { user }, doc }) =>
  Boolean(user) || (doc as { photoShown?: boolean } | undefined)?.photoShown === true
