import type { Metadata } from 'next'
import Link from 'next/link'
import React from 'react'

import { navigation, siteSettings } from '@/lib/site/publicApi'

import './styles.css'

// Pages read fresh content on each request until on-demand revalidation replaces this.
export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  const settings = await siteSettings()
  return {
    title: { default: settings.organisationName, template: `%s · ${settings.organisationName}` },
    description: settings.tagline ?? undefined,
  }
}

export default async function FrontendLayout({ children }: { children: React.ReactNode }) {
  const [settings, nav] = await Promise.all([siteSettings(), navigation()])
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href="/" className="site-header__name">
              {settings.organisationName}
            </Link>
            <nav aria-label="Main">
              <ul className="site-nav">
                {nav.header?.map((item) => (
                  <li key={item.id ?? item.path}>
                    <Link href={item.path}>{item.label}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            {settings.trustStatement ? <p className="site-footer__trust">{settings.trustStatement}</p> : null}
            <p>© {new Date().getFullYear()} {settings.organisationName}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
