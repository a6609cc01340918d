import type { Messages } from '@/lib/i18n/messages/en'

import type { Refusal } from './abuse'

/** A refusal from the abuse checks, said plainly in the visitor's language. */
export function refusalMessage(refusal: Refusal, t: Messages['formErrors']): string {
  switch (refusal.reason) {
    case 'tooLarge':
      return t.tooLarge
    case 'tooMany':
      return t.tooMany(refusal.retryAfterMinutes)
    case 'refused':
      return t.refused
  }
}
