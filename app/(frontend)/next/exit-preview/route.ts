import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'

import { isLocale } from '@/lib/i18n'

export const dynamic = 'force-dynamic'

/** Leaves draft mode and returns to the home page in the reader's language. */
export async function GET(request: NextRequest): Promise<Response> {
  ;(await draftMode()).disable()
  const locale = request.nextUrl.searchParams.get('locale')
  redirect(isLocale(locale) ? `/${locale}` : '/')
}
