import { type ConsentRecord, hasConsent } from '@/privacy/consent/scopes'

/**
 * What decides whether a person may be named in public. Participants have only their consent;
 * a leader may also hold a public role (recorded by an editor, with its basis), which makes her
 * name public whatever her consent says. Erasure ends both.
 */
export type NameableRecord = {
  consent?: ConsentRecord | null
  erasedAt?: string | null
  publicRole?: { holds?: boolean | null; basis?: string | null } | null
}

/** Holds a recorded public role: the box ticked and a basis written down. */
export const holdsPublicRole = (person: NameableRecord): boolean =>
  Boolean(person.publicRole?.holds && person.publicRole.basis?.trim())

/**
 * Whether her public name may appear on the site at `now`: not erased, and either a valid
 * consent to be named or a recorded public role. The publishing gate, the names shown for
 * mentions and a leader's `shownOnSite` flag all ask this one question.
 */
export function mayBeNamed(person: NameableRecord, now = new Date()): boolean {
  if (person.erasedAt) return false
  return holdsPublicRole(person) || hasConsent(person.consent, 'name', now)
}

/**
 * She had agreed to be named and no longer may be (withdrawn, expired or erased): anything
 * that still names her, typed by hand included, must go. Someone who never agreed has nothing
 * to take back; what she may not be named in never went public.
 */
export function namingEnded(person: NameableRecord, now = new Date()): boolean {
  if (mayBeNamed(person, now)) return false
  if (person.erasedAt) return true
  const consent = person.consent
  if (!consent?.scopes?.includes('name')) return false
  const past = (date: string | null | undefined) => Boolean(date && new Date(date) <= now)
  return past(consent.withdrawnAt) || past(consent.expiresAt)
}
