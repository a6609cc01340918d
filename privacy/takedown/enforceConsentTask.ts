import type { TaskConfig } from 'payload'

import { refreshMediaVisibility } from '@/privacy/media/visibility'
import { nightlyConsentCheck } from '@/privacy/takedown/nightlyConsentCheck'

/**
 * Consent expires on a date, with nobody there to press a button: every night this takes down
 * any published story that uses someone whose consent has run out (or otherwise lapsed), hides
 * leaders who may no longer be shown, removes names that may no longer appear from stories'
 * stored text (privacy/takedown/nightlyConsentCheck) and stops serving photos whose photo consent
 * has lapsed. Withdrawals do not wait for it; they take effect in the same request that records them.
 */
export const enforceConsentTask: TaskConfig<'enforceConsent'> = {
  slug: 'enforceConsent',
  label: 'Take down stories whose consent has lapsed',
  schedule: [{ cron: '0 3 * * *', queue: 'consent' }],
  outputSchema: [{ name: 'unpublished', type: 'number', required: true }],
  retries: 2,
  handler: async ({ req }) => {
    const { unpublished } = await nightlyConsentCheck(req)
    await refreshMediaVisibility(req)
    return { output: { unpublished: unpublished.length } }
  },
}
