import type { PayloadRequest } from 'payload'

import { adminTranslations, type VoicesTranslationKey } from './index'

type Translate = (key: string, vars?: Record<string, string>) => string

/**
 * One of Voices' admin texts on the server, in the language of the request (the admin's
 * language for staff, English otherwise). Payload's `req.t` is typed for its own keys only.
 */
export function adminText(
  req: Partial<PayloadRequest> | undefined,
  key: VoicesTranslationKey,
  vars: Record<string, string> = {},
): string {
  if (req?.t) return (req.t as unknown as Translate)(key, vars)
  // A request Payload did not make (a database call on its own) reads English.
  const [, feature, name] = key.split(':') as [string, string, string]
  const texts = adminTranslations.en.voices as unknown as Record<string, Record<string, string>>
  return (texts[feature]?.[name] ?? key).replace(/\{\{(\w+)\}\}/g, (_, v: string) => vars[v] ?? '')
}
