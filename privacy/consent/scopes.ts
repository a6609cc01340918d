import type { VoicesT } from '@/lib/refusals/translate'

/** What a person may agree to appear with in a story. */
export const consentScopes = [
  { value: 'name', label: 'Public name in a story', ru: 'Публичное имя в истории' },
  { value: 'photo', label: 'Photo', ru: 'Фото' },
  { value: 'quotes', label: 'Direct quotes', ru: 'Прямые цитаты' },
  {
    value: 'personalDetails',
    label: 'Personal details (e.g. family situation)',
    ru: 'Личные подробности (например, семейное положение)',
  },
] as const

export type ConsentScope = (typeof consentScopes)[number]['value']

export const consentStatuses = [
  { value: 'none', label: 'None', ru: 'Нет' },
  { value: 'verbal', label: 'Verbal', ru: 'Устное' },
  { value: 'written', label: 'Written', ru: 'Письменное' },
] as const

export type ConsentRecord = {
  status?: 'none' | 'verbal' | 'written' | null
  scopes?: ConsentScope[] | null
  givenAt?: string | null
  expiresAt?: string | null
  withdrawnAt?: string | null
}

/** What is wrong with a consent record, as a code the admin words in its own language. */
export type ConsentProblem =
  | { code: 'noConsent' | 'withdrawn' | 'expired' | 'notYetValid' | 'noLongerOnFile' }
  | { code: 'scopeMissing'; scope: ConsentScope }

/** She had agreed and no longer has: only these may be redacted instead of taken down. */
export const lapsed = (problem: ConsentProblem) => problem.code === 'withdrawn' || problem.code === 'expired'

/**
 * What is wrong with a consent record for the scopes a story needs; an empty list means the story
 * may use her in those ways.
 */
export function consentProblems(
  consent: ConsentRecord | null | undefined,
  needed: Iterable<ConsentScope>,
  now = new Date(),
): ConsentProblem[] {
  const scopes = [...new Set(needed)]
  if (scopes.length === 0) return []
  if (!consent || !consent.status || consent.status === 'none') return [{ code: 'noConsent' }]
  if (consent.withdrawnAt && new Date(consent.withdrawnAt) <= now) return [{ code: 'withdrawn' }]
  if (consent.expiresAt && new Date(consent.expiresAt) <= now) return [{ code: 'expired' }]
  if (consent.givenAt && new Date(consent.givenAt) > now) return [{ code: 'notYetValid' }]
  const given = new Set(consent.scopes ?? [])
  return scopes.filter((scope) => !given.has(scope)).map((scope) => ({ code: 'scopeMissing' as const, scope }))
}

/** A consent problem as a phrase an editor can act on, in the request's language. */
export function describeConsentProblem(problem: ConsentProblem, t: VoicesT): string {
  if (problem.code !== 'scopeMissing') return t(`voices:consent:${problem.code}`)
  return t('voices:consent:scopeMissing', { scope: t(`voices:consent:${problem.scope}`) })
}

export function hasConsent(consent: ConsentRecord | null | undefined, scope: ConsentScope, now = new Date()): boolean {
  return consentProblems(consent, [scope], now).length === 0
}
