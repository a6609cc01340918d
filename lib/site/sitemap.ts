import { localePath } from '@/lib/i18n'
import { type Locale, locales } from '@/lib/locales'

import { escapeXml } from './escapeXml'
import { siteOrigin } from './origin'
import { programLinks, storiesForSitemap } from './publicApi'

/** Stories in one part of the sitemap: 3,000 URLs, where the protocol allows 50,000 a file. */
export const SITEMAP_STORIES = 1000

/** A public page, as a path under each locale (`''` is the home page). */
type SitemapPage = { path: string; lastModified?: string | null }

/** Every locale's URL of each page, each naming its translations (hreflang alternates). */
function urlset(origin: string, pages: SitemapPage[]): string {
  const url = (locale: Locale, path: string) => escapeXml(`${origin}${localePath(locale, path)}`)
  const entries = pages.flatMap(({ path, lastModified }) => {
    const alternates = locales
      .map(({ code }) => `<xhtml:link rel="alternate" hreflang="${code}" href="${url(code, path)}" />`)
      .join('\n')
    const modified = lastModified ? `\n<lastmod>${escapeXml(lastModified)}</lastmod>` : ''
    return locales.map(({ code }) => `<url>\n<loc>${url(code, path)}</loc>\n${alternates}${modified}\n</url>`)
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('\n')}
</urlset>
`
}

/** A sitemap index: the parts, each a sitemap of its own. */
function sitemapIndex(locations: string[]): string {
  const entries = locations.map((location) => `<sitemap><loc>${escapeXml(location)}</loc></sitemap>`)
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</sitemapindex>
`
}

async function sitePages(): Promise<SitemapPage[]> {
  const programs = await programLinks('en')
  return [
    { path: '' },
    { path: 'stories' },
    { path: 'programs' },
    { path: 'get-involved' },
    ...programs.map((program) => ({ path: `programs/${program.slug}` })),
  ]
}

const storyPages = (stories: Array<{ slug: string; updatedAt: string }>): SitemapPage[] =>
  stories.map((story) => ({ path: `stories/${encodeURIComponent(story.slug)}`, lastModified: story.updatedAt }))

// Built per request: a shared cache may keep it only if it asks again each time, so a takedown
// reaches crawlers at once (server/sharedCaches.mjs gives cached pages the same).
const xml = (body: string) =>
  new Response(body, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Cache-Control': 'public, max-age=0, must-revalidate',
    },
  })

const storiesPart = /^stories-([1-9][0-9]{0,5})$/

/**
 * /sitemap.xml: every public page in every locale, each with its hreflang alternates. While the
 * stories fit one part it lists everything; beyond that it is an index of parts,
 * /sitemap.xml?part=pages and ?part=stories-1, -2 … (oldest stories first), so that every story
 * is listed and no file nears the protocol's limits. Any other part is a 404.
 */
export async function sitemapResponse(part: string | null, storiesPerPart = SITEMAP_STORIES): Promise<Response> {
  const origin = siteOrigin()
  if (part === null) {
    const first = await storiesForSitemap(1, storiesPerPart)
    if (first.parts === 1) return xml(urlset(origin, [...(await sitePages()), ...storyPages(first.stories)]))
    const parts = ['pages', ...Array.from({ length: first.parts }, (_, i) => `stories-${i + 1}`)]
    return xml(sitemapIndex(parts.map((name) => `${origin}/sitemap.xml?part=${name}`)))
  }
  if (part === 'pages') return xml(urlset(origin, await sitePages()))
  const number = Number(storiesPart.exec(part)?.[1] ?? 0)
  const stories = number > 0 ? await storiesForSitemap(number, storiesPerPart) : null
  if (!stories || number > stories.parts) return new Response('Not found', { status: 404 })
  return xml(urlset(origin, storyPages(stories.stories)))
}
