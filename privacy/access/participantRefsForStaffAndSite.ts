import type { FieldAccess } from 'payload'

import { isPublicSiteRead } from '@/privacy/references/publicSiteRead'

/**
 * Which participants a story features is read, and filtered on, by staff and by the site's own
 * rendering only. An outsider holding a participant's ID could otherwise list every story about
 * her, under any public name she has had: an ID outlives a rename meant to break that link.
 */
export const participantRefsForStaffAndSite: FieldAccess = ({ req }) => Boolean(req.user) || isPublicSiteRead(req)
