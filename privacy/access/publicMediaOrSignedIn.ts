import type { Access } from 'payload'

/**
 * Staff read every media document and file; anonymous visitors only those a published page uses
 * with the consent of everyone shown (the `public` flag, kept by `privacy/media/visibility.ts`).
 * Payload applies this to the file route too, so a private image's URL answers 403.
 */
export const publicMediaOrSignedIn: Access = ({ req: { user } }) => {
  if (user) return true
  return { public: { equals: true } }
}
