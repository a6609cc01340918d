import { hasRole } from '@/lib/roles'

type MaybeUser = { role?: string | null } | null | undefined

/** How far ahead staff are warned that someone's consent ends: the dashboard, the story editor's mentions. */
export const consentEndsSoonDays = 30

/**
 * Safeguarding staff and admins keep consent records, so they are told whose consent ends soon
 * (the dashboard's list of expiring consents, a mention's warning).
 */
export const seesConsentRecords = (user: MaybeUser): boolean => hasRole(user, 'admin', 'safeguarding')

/**
 * Editors, who publish, are also told when consent holds someone back and why. Contributors, who
 * may write about anyone, learn nothing that depends on anyone's consent: an answer that varied
 * with it would let them test, one person at a time, what each woman has agreed to.
 */
export const toldWhyConsentLacks = (user: MaybeUser): boolean => hasRole(user, 'admin', 'safeguarding', 'editor')
