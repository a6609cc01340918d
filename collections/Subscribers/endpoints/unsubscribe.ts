import type { Endpoint } from 'payload'

import { describeBytes } from '@/lib/api/limits'
import { localePath } from '@/lib/i18n'
import { Refusal } from '@/lib/refusals/refusal'
import { siteOrigin } from '@/lib/site/origin'
import { subscriberLocale } from '@/lib/updates/mail'
import { unsubscribe } from '@/lib/updates/links'
import { readUnsubscribeToken } from '@/lib/updates/tokens'

/** RFC 8058's body is one short field; anything much larger is not a mail program unsubscribing. */
const maxBodyBytes = 2048

/**
 * The address in every subscriber mail's `List-Unsubscribe` header:
 *
 * - `POST /api/subscribers/unsubscribe?token=…` with the body `List-Unsubscribe=One-Click` is the
 *   one-click unsubscribe of RFC 8058, sent by mail programs: no login, no page, no cookie.
 * - `GET` on the same address (someone opening it) leads to the page that asks first, because
 *   link scanners open every address in a mail and must not unsubscribe anyone.
 */
export const unsubscribeEndpoints: Endpoint[] = [
  {
    path: '/unsubscribe',
    method: 'post',
    handler: async (req) => {
      if (Number(req.headers.get('content-length') ?? 0) > maxBodyBytes) {
        throw new Refusal(req, 'bodyTooLarge', 413, { limit: describeBytes(maxBodyBytes) })
      }
      const body = req.formData ? await req.formData().catch(() => null) : null
      if (body?.get('List-Unsubscribe') !== 'One-Click') throw new Refusal(req, 'oneClickExpected', 400)
      const state = await unsubscribe(req.payload, req.searchParams.get('token'))
      if (state === 'invalid') throw new Refusal(req, 'unsubscribeLinkInvalid', 404)
      return Response.json({ unsubscribed: true }, { headers: { 'Cache-Control': 'no-store' } })
    },
  },
  {
    path: '/unsubscribe',
    method: 'get',
    handler: async (req) => {
      const token = req.searchParams.get('token') ?? ''
      const id = readUnsubscribeToken(token)
      const subscriber = id
        ? await req.payload.findByID({
            collection: 'subscribers',
            id,
            depth: 0,
            select: { locale: true },
            overrideAccess: true,
            disableErrors: true,
          })
        : null
      const locale = subscriberLocale(subscriber ?? { locale: null })
      const page = `${siteOrigin()}${localePath(locale, 'updates/unsubscribe')}?token=${encodeURIComponent(token)}`
      return Response.redirect(page, 303)
    },
  },
]
