import '@fontsource-variable/literata/wght.css'
import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import React from 'react'

import { LanguageSwitcher } from '@/components/LanguageSwitcher.client'
import { LocaleProvider } from '@/components/LocaleContext.client'
import { PreviewBanner } from '@/components/PreviewBanner'
import { boundaryStrings, localePath, messages } from '@/lib/i18n'
import { navigation, siteSettings } from '@/lib/site/publicApi'
import { defaultShareCard } from '@/lib/site/metadata'
import { siteOrigin } from '@/lib/site/origin'
import { layoutLocale } from '@/lib/site/routeParams'

import './styles.css'

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> }

// Pages are rendered on first request and then served from cache until an edit revalidates
// them, so the build never needs a database.
export function generateStaticParams() {
  return []
}

/**
 * The browser's own bar follows the palette in styles.css: the accent by day, the header's dark
 * surface by night, as a bright bar above a dark page would glare (e2e/site-a11y.spec.ts checks
 * both against the stylesheet). `colorScheme` tells the browser both palettes exist before the
 * stylesheet arrives, so a reader in dark mode never sees a white flash first.
 */
export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#8a3a1c' },
    { media: '(prefers-color-scheme: dark)', color: '#241e1a' },
  ],
  colorScheme: 'light dark',
  width: 'device-width',
  initialScale: 1,
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await layoutLocale(params)
  const settings = await siteSettings(locale)
  const name = settings.organisationName || 'Voices'
  // Pages set their own cards (lib/site/metadata.ts); this one is for those that do not, the 404.
  const card = await defaultShareCard(locale)
  return {
    metadataBase: new URL(siteOrigin()),
    title: { default: name, template: `%s · ${name}` },
    description: settings.tagline ?? undefined,
    openGraph: { siteName: name, images: card ? [card] : undefined },
    twitter: card ? { card: 'summary_large_image', images: [card] } : undefined,
    alternates: { types: { 'application/atom+xml': localePath(locale, 'feed.xml') } },
  }
}

export default async function LocaleLayout({ children, params }: Props) {
  const locale = await layoutLocale(params)
  const t = messages(locale)
  const [settings, nav] = await Promise.all([siteSettings(locale), navigation(locale)])
  const name = settings.organisationName || 'Voices'
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <PreviewBanner locale={locale} />
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href={localePath(locale)} className="site-header__name">
              {name}
            </Link>
            <nav aria-label={t.mainNavigation} className="site-nav">
              <ul role="list">
                {(nav.header ?? []).map((item) => (
                  <li key={item.id ?? item.path}>
                    <Link href={localePath(locale, item.path)}>{item.label}</Link>
                  </li>
                ))}
              </ul>
            </nav>
            <LanguageSwitcher current={locale} label={t.languageSwitcher} />
          </div>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          <LocaleProvider locale={locale} strings={boundaryStrings(locale)}>
            {children}
          </LocaleProvider>
        </main>
        <footer className="site-footer">
          <div className="container site-footer__inner">
            {settings.trustStatement ? <p className="site-footer__trust">{settings.trustStatement}</p> : null}
            {nav.footer?.length ? (
              <ul role="list" className="site-footer__links">
                {nav.footer.map((item) => (
                  <li key={item.id ?? item.path}>
                    <Link href={localePath(locale, item.path)}>{item.label}</Link>
                  </li>
                ))}
                <li>
                  <a href={localePath(locale, 'feed.xml')}>{t.feed}</a>
                </li>
              </ul>
            ) : null}
            {settings.socialLinks?.length ? (
              <ul role="list" className="site-footer__links">
                {settings.socialLinks.map((link) => (
                  <li key={link.id ?? link.url}>
                    <a href={link.url} rel="me noopener">
                      {link.platform.charAt(0).toUpperCase() + link.platform.slice(1)}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              © {new Date().getFullYear()} {name}
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}
