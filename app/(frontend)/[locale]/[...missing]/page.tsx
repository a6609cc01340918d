import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { NotFoundView } from '@/components/NotFoundView'
import { boundaryStrings, messages } from '@/lib/i18n'
import { notFoundHeader } from '@/lib/site/notFoundHeader'
import { localeFrom } from '@/lib/site/routeParams'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeFrom(params)
  return { title: messages(locale).notFoundTitle, robots: { index: false, follow: true } }
}

/**
 * Any path under a locale that no page claims. The proxy has already answered it with status
 * 404 (lib/site/publicRoutes.ts), so the page draws the site's 404 itself, on the server, inside
 * the header and footer. A request the proxy did not see falls back to Next's own not-found.
 */
export default async function Missing({ params }: Props) {
  const locale = await localeFrom(params)
  if ((await headers()).get(notFoundHeader) !== '1') notFound()
  return <NotFoundView locale={locale} strings={boundaryStrings(locale)} />
}
