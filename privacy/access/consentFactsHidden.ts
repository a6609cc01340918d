import type { FieldAccess } from 'payload'

import { toldWhyConsentLacks } from '@/privacy/consent/whoIsTold'

/**
 * Fields that Voices works out from someone's consent or erasure (a leader's `shownOnSite` and
 * `photoShown`, the date a person was erased). Contributors may neither read nor filter on them:
 * comparing them, one person at a time, would tell what each woman has agreed to. Visitors only
 * ever see the leaders the site shows, for whom they say nothing new.
 */
export const consentFactsHidden: FieldAccess = ({ req: { user } }) => !user || toldWhyConsentLacks(user)
