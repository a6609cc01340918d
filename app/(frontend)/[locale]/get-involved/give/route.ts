import type { NextRequest } from 'next/server'

import { fromValue } from '@/lib/donors/from'
import { amountParam, readGift, refusedGiftQuery } from '@/lib/donors/gift'
import { offeredCurrencies } from '@/lib/donors/offered'
import { originOf } from '@/lib/donors/origin'
import { fillTemplate } from '@/lib/donors/urlTemplate'
import { isLocale, localePath } from '@/lib/i18n'
import { getInvolved } from '@/lib/site/publicApi'

type Context = { params: Promise<{ locale: string }> }

function seeOther(location: string): Response {
  // Each answer depends on the query string and must never be cached, by anyone.
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } })
}

/**
 * The donation panel's plain GET form lands here (so giving works without JavaScript): the gift
 * is checked on the server, then the visitor is sent (303) to the processor's address filled in
 * from the template in the Get involved settings, or back to Get involved with the reason, in
 * her language. Voices never sees card details and stores nothing about the visitor.
 */
export async function GET(request: NextRequest, { params }: Context): Promise<Response> {
  const { locale } = await params
  if (!isLocale(locale)) return new Response('Not found', { status: 404 })
  const query = request.nextUrl.searchParams
  const [settings, origin] = await Promise.all([getInvolved(locale), originOf(query, locale)])
  const offered = offeredCurrencies(settings).map((row) => row.currency)
  const from = origin ? fromValue(origin) : null
  const back = (error: Parameters<typeof refusedGiftQuery>[0]) =>
    seeOther(`${localePath(locale, 'get-involved')}?${refusedGiftQuery(error, query, offered, from)}#give`)

  const template = settings.donationUrlTemplate
  if (!template || offered.length === 0) return back('unavailable')
  const result = readGift(query, offered)
  if (!result.ok) return back(result.error)
  const { amount, currency, frequency } = result.gift
  const filled = fillTemplate(template, {
    amount: amountParam(amount),
    currency,
    frequency,
    campaign: settings.campaign || origin?.programSlug || '',
    story: origin?.kind === 'story' ? origin.slug : '',
  })
  if ('error' in filled) return back('unavailable')
  return seeOther(filled.url)
}
