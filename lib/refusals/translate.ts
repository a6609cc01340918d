import type { PayloadRequest } from 'payload'

import { adminTranslations, type VoicesTranslationKey } from '@/lib/i18n/admin'

export type VoicesT = (key: VoicesTranslationKey, vars?: Record<string, string>) => string

function lookup(key: string): string {
  let node: unknown = adminTranslations.en
  for (const part of key.split(':')) node = (node as Record<string, unknown> | undefined)?.[part]
  return typeof node === 'string' ? node : key
}

/**
 * Voices' admin texts in the language of this request: the admin's chosen language for staff in
 * the admin, `Accept-Language` over the API, English for the local API and jobs.
 */
export function voicesT(req: Pick<PayloadRequest, 't'> | undefined): VoicesT {
  if (req?.t) return req.t as unknown as VoicesT
  return (key, vars) => lookup(key).replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => vars?.[name] ?? match)
}
