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

const scopeLabel = Object.fromEntries(consentScopes.map((s) => [s.value, s.label.toLowerCase()])) as Record<
  ConsentScope,
  string
>

/**
 * What is wrong with a consent record for the scopes a story needs, as sentences an editor can
 * act on; an empty list means the story may use her in those ways.
 */
export function consentProblems(
  consent: ConsentRecord | null | undefined,
  needed: Iterable<ConsentScope>,
  now = new Date(),
): string[] {
  const scopes = [...new Set(needed)]
  if (scopes.length === 0) return []
  if (!consent || !consent.status || consent.status === 'none') return ['no consent is recorded']
  if (consent.withdrawnAt && new Date(consent.withdrawnAt) <= now) return ['her consent has been withdrawn']
  if (consent.expiresAt && new Date(consent.expiresAt) <= now) return ['her consent has expired']
  if (consent.givenAt && new Date(consent.givenAt) > now) return ['her consent only starts on a later date']
  const given = new Set(consent.scopes ?? [])
  return scopes.filter((scope) => !given.has(scope)).map((scope) => `no consent for ${scopeLabel[scope]}`)
}

export function hasConsent(consent: ConsentRecord | null | undefined, scope: ConsentScope, now = new Date()): boolean {
  return consentProblems(consent, [scope], now).length === 0
}
