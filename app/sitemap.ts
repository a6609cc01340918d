import type { MetadataRoute } from 'next'

import { localePath } from '@/lib/i18n'
import { locales } from '@/lib/locales'
import { siteOrigin } from '@/lib/site/origin'
import { allStorySummaries, listPrograms } from '@/lib/site/publicApi'

// Built from the tagged query cache on request, never at build time.
export const dynamic = 'force-dynamic'

/** Every public page in every locale, each with its hreflang alternates. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteOrigin()
  const [stories, programs] = await Promise.all([allStorySummaries('en'), listPrograms('en')])
  const paths: Array<{ path: string; lastModified?: string }> = [
    { path: '' },
    { path: 'stories' },
    { path: 'programs' },
    { path: 'get-involved' },
    ...programs.map((program) => ({ path: `programs/${program.slug}` })),
    ...stories.map((story) => ({ path: `stories/${story.slug}`, lastModified: story.updatedAt })),
  ]
  return paths.flatMap(({ path, lastModified }) =>
    locales.map(({ code }) => ({
      url: `${origin}${localePath(code, path)}`,
      lastModified,
      alternates: {
        languages: Object.fromEntries(locales.map((l) => [l.code, `${origin}${localePath(l.code, path)}`])),
      },
    })),
  )
}
