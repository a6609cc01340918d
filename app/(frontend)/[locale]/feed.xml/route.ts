import { isLocale, localePath, messages } from '@/lib/i18n'
import { escapeXml } from '@/lib/site/escapeXml'
import { siteOrigin } from '@/lib/site/origin'
import { allStorySummaries, siteSettings } from '@/lib/site/publicApi'

/** An Atom feed of the newest published stories, one per locale: /en/feed.xml, /ru/feed.xml … */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!isLocale(locale)) return new Response('Not found', { status: 404 })
  const [settings, stories] = await Promise.all([siteSettings(locale), allStorySummaries(locale, 30)])
  const origin = siteOrigin()
  const home = escapeXml(`${origin}${localePath(locale)}`)
  const updated = stories.reduce(
    (latest, s) => (s.updatedAt > latest ? s.updatedAt : latest),
    '1970-01-01T00:00:00.000Z',
  )
  const entries = stories
    .map((story) => {
      // Escaped like every other value: a slug is text the API accepted, not markup Voices wrote.
      const url = escapeXml(`${origin}${localePath(locale, `stories/${encodeURIComponent(story.slug)}`)}`)
      return `  <entry>
    <title>${escapeXml(story.title)}</title>
    <link href="${url}"/>
    <id>${url}</id>
    <published>${escapeXml(story.publishedAt ?? story.updatedAt)}</published>
    <updated>${escapeXml(story.updatedAt)}</updated>
    <summary>${escapeXml(story.excerpt ?? '')}</summary>
  </entry>`
    })
    .join('\n')
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">
  <title>${escapeXml(messages(locale).feedTitle(settings.organisationName || 'Voices'))}</title>
  <link href="${home}"/>
  <link rel="self" href="${escapeXml(`${origin}${localePath(locale, 'feed.xml')}`)}"/>
  <id>${home}</id>
  <updated>${escapeXml(updated)}</updated>
${entries}
</feed>
`
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } })
}
