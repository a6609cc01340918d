import { type APIRequestContext, expect, test } from './fixtures'

import { editor } from './helpers'
import { defaultTimeZone } from '../lib/timeZone'
import { escapeRegExp, seedStory, siteDate, storyIdBySlug, storyTitle, t, visit } from './site-helpers'

/**
 * Pages are rendered once and then served from cache; a change published through the REST API
 * must expire them, so the very next visit shows it, without a rebuild or a restart.
 */

async function patchStory(
  request: APIRequestContext,
  token: string,
  id: string,
  data: Record<string, unknown>,
): Promise<void> {
  const response = await request.patch(`/api/stories/${id}?locale=en`, {
    headers: { Authorization: `JWT ${token}` },
    data,
  })
  expect(response.status(), await response.text()).toBe(200)
}

/** The body of a public page, fetched by an anonymous visitor. */
async function body(request: APIRequestContext, path: string, status = 200): Promise<string> {
  const response = await request.get(path)
  expect(response.status(), path).toBe(status)
  return response.text()
}

/** A story's card title on a list page: the exact link text, so a prefix of another title never matches. */
function cardLink(slug: string, title: string): RegExp {
  return new RegExp(`<a href="/en/stories/${escapeRegExp(slug)}">${escapeRegExp(title)}</a>`)
}

function feedEntry(slug: string): RegExp {
  return new RegExp(`<link href="[^"]*/en/stories/${escapeRegExp(slug)}"/>`)
}

test('an edited title shows on the story, the index, the home page, search and the feed at once', async ({
  request,
}) => {
  const story = seedStory('two-hundred-women-one-week-at-a-time')
  const { api, token } = await editor()
  const id = await storyIdBySlug(request, story.slug)
  const newTitle = `Revalidated title ${Date.now()}`
  const path = `/en/stories/${story.slug}`

  // A search for the new title finds nothing yet. Asked again, it is rendered again: what one
  // visitor searched for is never kept for the next to notice.
  const search = `/en/search?q=${encodeURIComponent(newTitle)}`
  expect(await body(request, search)).toContain(t('en').searchNothing(newTitle))
  const again = await request.get(search)
  expect(again.headers()['x-nextjs-cache'], 'a search asked again is not served from a cache').not.toBe('HIT')
  expect(await again.text()).toContain(t('en').searchNothing(newTitle))
  // Render (and so cache) every page that shows the title.
  expect(await body(request, path)).toContain(`<h1>${story.title.en}</h1>`)
  expect(await body(request, '/en/stories')).toMatch(cardLink(story.slug, story.title.en))
  expect(await body(request, '/en')).toMatch(cardLink(story.slug, story.title.en))
  expect(await body(request, '/en/feed.xml')).toContain(`<title>${story.title.en}</title>`)
  // The second visit is the cached one; it still shows the old title.
  expect(await body(request, path)).toContain(`<h1>${story.title.en}</h1>`)

  try {
    await patchStory(api, token, id, { title: newTitle, _status: 'published' })

    const storyHtml = await body(request, path)
    expect(storyHtml).toContain(`<h1>${newTitle}</h1>`)
    expect(storyHtml).not.toContain(`<h1>${story.title.en}</h1>`)
    expect(await body(request, '/en/stories')).toMatch(cardLink(story.slug, newTitle))
    expect(await body(request, '/en')).toMatch(cardLink(story.slug, newTitle))
    expect(await body(request, search)).toMatch(cardLink(story.slug, newTitle))
    const feed = await body(request, '/en/feed.xml')
    expect(feed).toContain(`<title>${newTitle}</title>`)
    expect(feed).not.toContain(`<title>${story.title.en}</title>`)
    // The neighbour's "next story" link follows too.
    expect(await body(request, '/en/stories/womens-day-in-the-village-groups')).toContain(newTitle)
    // Other languages keep their own translation.
    expect(await body(request, `/ru/stories/${story.slug}`)).toContain(`<h1>${storyTitle(story, 'ru')}</h1>`)
  } finally {
    await patchStory(api, token, id, { title: story.title.en, _status: 'published' })
    await api.dispose()
  }
  // Every page shown above is rendered again with the original title, which also leaves no
  // page with the test's title in the server's cache.
  expect(await body(request, path)).toContain(`<h1>${story.title.en}</h1>`)
  expect(await body(request, '/en/stories')).toMatch(cardLink(story.slug, story.title.en))
  expect(await body(request, '/en')).toMatch(cardLink(story.slug, story.title.en))
  expect(await body(request, search)).toContain(t('en').searchNothing(newTitle))
  expect(await body(request, '/en/feed.xml')).toContain(`<title>${story.title.en}</title>`)
  const neighbour = await body(request, '/en/stories/womens-day-in-the-village-groups')
  expect(neighbour).toContain(story.title.en)
  expect(neighbour).not.toContain(newTitle)
  expect(await body(request, `/ru/stories/${story.slug}`)).toContain(`<h1>${storyTitle(story, 'ru')}</h1>`)
})

test('an unpublished story disappears from its page, the index, search and the feed, and comes back when republished', async ({
  page,
  request,
}) => {
  const story = seedStory('safety-plans-written-together')
  const { api, token } = await editor()
  const id = await storyIdBySlug(request, story.slug)
  const path = `/en/stories/${story.slug}`

  expect(await body(request, path)).toContain(`<h1>${story.title.en}</h1>`)
  expect(await body(request, '/en/stories')).toMatch(cardLink(story.slug, story.title.en))
  expect(await body(request, '/en/feed.xml')).toMatch(feedEntry(story.slug))
  expect(await body(request, '/sitemap.xml')).toContain(`/en/stories/${story.slug}<`)
  const search = `/en/search?q=${encodeURIComponent(story.title.en)}`
  expect(await body(request, search)).toMatch(cardLink(story.slug, story.title.en))
  expect(await body(request, path)).toContain(`<h1>${story.title.en}</h1>`)

  try {
    await patchStory(api, token, id, { _status: 'draft' })

    expect(await body(request, path, 404)).not.toContain(story.title.en)
    await visit(page, path, 404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en').notFoundTitle)
    expect(await body(request, '/en/stories')).not.toContain(`/en/stories/${story.slug}"`)
    expect(await body(request, '/en/stories/page/2')).not.toContain(`/en/stories/${story.slug}"`)
    expect(await body(request, '/en/feed.xml')).not.toMatch(feedEntry(story.slug))
    expect(await body(request, '/sitemap.xml')).not.toContain(`/en/stories/${story.slug}<`)
    expect(await body(request, search)).not.toContain(`/en/stories/${story.slug}"`)
    expect((await body(request, `/ru/stories/${story.slug}`, 404)).length).toBeGreaterThan(0)
  } finally {
    await patchStory(api, token, id, { _status: 'published' })
    await api.dispose()
  }

  // Back everywhere. Every page visited above (and those the browser prefetched from the 404
  // page) is rendered again, so none stays in the server's cache without the story.
  expect(await body(request, path)).toContain(`<h1>${story.title.en}</h1>`)
  expect(await body(request, `/ru/stories/${story.slug}`)).toContain(`<h1>${storyTitle(story, 'ru')}</h1>`)
  expect(await body(request, '/en/stories')).toMatch(cardLink(story.slug, story.title.en))
  expect(await body(request, '/en/stories/page/2')).not.toContain(`/en/stories/${story.slug}"`)
  expect(await body(request, '/en/feed.xml')).toMatch(feedEntry(story.slug))
  expect(await body(request, '/sitemap.xml')).toContain(`/en/stories/${story.slug}<`)
  expect(await body(request, search)).toMatch(cardLink(story.slug, story.title.en))
  for (const other of ['/en', '/en/programs', '/en/get-involved']) await body(request, other)
})

test('dates follow the time zone chosen in site settings', async ({ request }) => {
  // 09:00 UTC is the afternoon in Almaty but still the evening before in Honolulu.
  const story = seedStory('two-hundred-women-one-week-at-a-time')
  const path = `/en/stories/${story.slug}`
  const dateIn = (timeZone: string) =>
    new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone }).format(new Date(story.publishedAt))
  const dateShown = async () =>
    /class="story__header"[^]*?<time[^>]*>([^<]+)<\/time>/.exec(await body(request, path))?.[1]
  expect(dateIn('Pacific/Honolulu')).not.toBe(siteDate(story.publishedAt, 'en'))
  expect(await dateShown()).toBe(siteDate(story.publishedAt, 'en'))

  const { api, token } = await editor()
  const setZone = async (timeZone: string) => {
    const response = await api.post('/api/globals/site-settings?locale=en', {
      headers: { Authorization: `JWT ${token}` },
      data: { timeZone },
    })
    expect(response.status(), await response.text()).toBe(200)
  }
  try {
    await setZone('Pacific/Honolulu')
    expect(await dateShown()).toBe(dateIn('Pacific/Honolulu'))
    expect(await body(request, '/en/stories')).toContain(`>${dateIn('Pacific/Honolulu')}</time>`)
  } finally {
    await setZone(defaultTimeZone)
    await api.dispose()
  }
  expect(await dateShown()).toBe(siteDate(story.publishedAt, 'en'))
  expect(await body(request, '/en/stories')).not.toContain(`>${dateIn('Pacific/Honolulu')}</time>`)
})

test('a visitor’s query string never reaches the page kept for everyone', async ({ request }) => {
  // A page no one has asked for yet, first asked for with a link's parameters.
  const path = `/kk/stories/not-here-${Date.now()}`
  const marker = `campaign-${Date.now()}`
  // `_rsc` too: only the router's own fetches (with their `rsc` header) carry it.
  const first = await request.get(`${path}?utm_campaign=${marker}&fbclid=${marker}&_rsc=${marker}`)
  expect(first.status()).toBe(404)
  expect(await first.text()).not.toContain(marker)
  const kept = await request.get(path)
  expect(kept.headers()['x-nextjs-cache'], 'the page was kept after its first render').toBe('HIT')
  expect(await kept.text()).not.toContain(marker)
})
