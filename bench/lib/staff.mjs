/**
 * What staff do through REST in the benchmarks that change the site while they watch it (the soak,
 * publish-to-live): sign in, add a participant with written consent and published stories about
 * her, record her withdrawal and watch every public page until none shows her, then record her
 * consent again and republish her stories.
 *
 * Each takes `staff`: `{ call, read, token, must, label }`.
 * - `call(method, path, { token, body, timeout, glance })` asks Voices itself (the API) and
 *   resolves to `{ status, text, json, location, ms, sent, at }` (epoch milliseconds), status 0
 *   for no answer; `read` is the same for public pages, which may be read through something in
 *   front of Voices (a caching proxy) rather than from the server written to. The soak reads where
 *   it writes.
 * - `must(answer, status, what)` hands back the answer's JSON or ends the run, saying what failed.
 * - `label` names what the benchmark writes (legal names, titles, the withdrawal's reason), so a
 *   data folder a benchmark ran on says which one it was.
 */
import { sleep } from './helpers.mjs'

export const locales = ['en', 'ru', 'kk']

/**
 * The admin's session token, and what a withdrawal does to her stories under the site's settings:
 * `unpublish` takes them off the site, `redact` keeps them without her name.
 */
export async function signIn(call, admin, must) {
  const { token } = must(await call('POST', '/api/users/login', { body: admin }), 200, 'signing in')
  const settings = must(await call('GET', '/api/globals/site-settings?depth=0', { token }), 200, 'site settings')
  return { token, policy: settings.consentWithdrawalPolicy === 'redact' ? 'redact' : 'unpublish' }
}

/**
 * A participant with written consent, featured in `stories` stories, each signed off by the admin
 * and published. `tag` makes her public name, and her stories' titles, findable by search.
 */
export async function addPerson({ call, token, must, label }, { tag, stories }) {
  const publicName = `Aigerim ${tag}`
  const created = must(
    await call('POST', '/api/participants', {
      token,
      body: { publicName, legalName: `${label} Legal ${tag}`, consent: validConsent() },
    }),
    201,
    'adding a participant',
  )
  const person = { id: String(created.doc.id), tag, publicName, stories: [], ready: true }
  for (let s = 0; s < stories; s++) {
    const draft = must(
      await call('POST', '/api/stories?draft=true', {
        token,
        body: {
          title: `${label} story ${tag} ${s}`,
          slug: '',
          body: storyBody('She came to the group in spring and spoke first.'),
          featuredParticipants: [person.id],
          _status: 'draft',
        },
      }),
      201,
      'writing a story about her',
    ).doc
    must(await call('POST', `/api/stories/${draft.id}/sign-off`, { token }), 200, 'signing off her story')
    must(
      await call('PATCH', `/api/stories/${draft.id}`, { token, body: { _status: 'published' } }),
      200,
      'publishing her story',
    )
    person.stories.push({ id: String(draft.id), slug: draft.slug })
  }
  return person
}

/**
 * The public pages that must show none of her stories after a withdrawal, and what each must not
 * hold: her stories in every language, home, the story index and the feed in every language, the
 * sitemap (`sitemap`: the file of it that lists her stories), and a search for her tag.
 */
export function watchList(person, policy, { sitemap = '/sitemap.xml' } = {}) {
  const links = person.stories.map((story) => new RegExp(`/stories/${story.slug}(?![\\w-])`))
  const name = (text) => text.includes(person.publicName)
  const anyLink = (text) => links.some((link) => link.test(text))
  const lists = [
    ...locales.flatMap((l) => [`/${l}`, `/${l}/stories`, `/${l}/feed.xml`]),
    sitemap,
    `/en/search?q=${person.tag}`,
  ]
  const storyPages = person.stories.flatMap((story) => locales.map((l) => `/${l}/stories/${story.slug}`))
  if (policy === 'redact') {
    return [...lists, ...storyPages].map((url) => ({ url, shows: (page) => page.status === 200 && name(page.text) }))
  }
  return [
    ...lists.map((url) => ({ url, shows: (page) => page.status !== 200 || anyLink(page.text) })),
    ...storyPages.map((url) => ({ url, shows: (page) => page.status !== 404 })),
  ]
}

/**
 * One withdrawal, and every public page watched until it shows nothing of her. A page's takedown
 * is the moment its first answer showing nothing of her was asked for (every visitor asking later
 * saw nothing either, checked once more a second after the last page): an answer that a busy
 * server took long to give does not count against the takedown, one that still showed her does.
 * When that answer arrived is reported beside it.
 *
 * Each page is asked again `pollMs` after its last answer, for `watchMs` after the withdrawal was
 * answered (or given up on: the server may still record it).
 */
export async function withdraw(person, policy, { call, read, token, label }, { pollMs = 100, watchMs = 30_000 } = {}) {
  const watch = watchList(person, policy)
  // Where her stories are to be seen before (lists show only the latest few stories); a look of
  // 2 s at most, so that a busy server does not put the withdrawal off.
  const before = await Promise.all(
    watch.map(({ url, shows }) =>
      read('GET', url, { timeout: 2_000, glance: true }).then((page) => page.status !== 0 && shows(page)),
    ),
  )

  const sentAt = Date.now()
  const recorded = await call('PATCH', `/api/participants/${person.id}`, {
    token,
    body: { consent: { ...validConsent(), withdrawnAt: new Date().toISOString(), withdrawalReason: label } },
  })
  const deadline = recorded.at + watchMs
  const pages = await Promise.all(
    watch.map(async ({ url, shows }) => {
      // Answers asked for after the withdrawal's 200 that still showed her: a stale page, not a slow one.
      let staleAfterSaved = 0
      while (Date.now() < deadline) {
        const page = await read('GET', url)
        if (page.status !== 0 && !shows(page)) {
          return { url, askedMs: page.sent - sentAt, answeredMs: page.at - sentAt, staleAfterSaved }
        }
        if (page.status !== 0 && page.sent >= recorded.at) staleAfterSaved += 1
        await sleep(pollMs)
      }
      return { url, askedMs: null, answeredMs: null, staleAfterSaved }
    }),
  )
  const allGone = pages.every((page) => page.askedMs !== null)
  const last = allGone ? pages.reduce((a, b) => (b.askedMs > a.askedMs ? b : a)) : null
  // A second look: nothing comes back.
  await sleep(1_000)
  const again = await Promise.all(
    watch.map(({ url, shows }) => read('GET', url).then((page) => page.status !== 0 && shows(page))),
  )
  return {
    person: person.id,
    sentAt,
    stories: person.stories.length,
    status: recorded.status,
    requestMs: recorded.ms,
    takedownMs: last?.askedMs ?? null,
    lastPageGone: last,
    slowestAnswerMs: allGone ? Math.max(...pages.map((page) => page.answeredMs)) : null,
    staleAnswersAfterSaved: pages.reduce((n, page) => n + page.staleAfterSaved, 0),
    stillShowing: pages.filter((page) => page.askedMs === null).map((page) => page.url),
    watched: watch.length,
    showingBefore: before.filter(Boolean).length,
    reappeared: watch.map((w) => w.url).filter((_, i) => again[i]),
  }
}

/** She gives consent again; her stories are signed off and published again and must be live within 15 s. */
export async function restore(person, policy, { call, read, token }) {
  const started = Date.now()
  const given = await call('PATCH', `/api/participants/${person.id}`, {
    token,
    body: { consent: { ...validConsent(), withdrawnAt: null, withdrawalReason: null } },
  })
  if (given.status !== 200) return { ok: false, step: 'consent', status: given.status, text: given.text.slice(0, 300) }
  for (const story of person.stories) {
    const current = await call('GET', `/api/stories/${story.id}?depth=0`, { token })
    if (current.json?._status === 'published') continue
    const signed = await call('POST', `/api/stories/${story.id}/sign-off`, { token })
    if (signed.status !== 200)
      return { ok: false, step: 'sign-off', status: signed.status, text: signed.text.slice(0, 300) }
    const published = await call('PATCH', `/api/stories/${story.id}`, { token, body: { _status: 'published' } })
    if (published.status !== 200) {
      return { ok: false, step: 'publish', status: published.status, text: published.text.slice(0, 300) }
    }
  }
  const deadline = Date.now() + 15_000
  const live = async (story) => {
    const page = await read('GET', `/en/stories/${story.slug}`)
    return page.status === 200 && (policy !== 'redact' || page.text.includes(person.publicName))
  }
  while (Date.now() < deadline) {
    if ((await Promise.all(person.stories.map(live))).every(Boolean)) return { ok: true, ms: Date.now() - started }
    await sleep(200)
  }
  return { ok: false, step: 'back live', ms: Date.now() - started }
}

/** Written consent to everything, given last year and good for years. */
export function validConsent() {
  const year = new Date().getUTCFullYear()
  return {
    status: 'written',
    scopes: ['name', 'photo', 'quotes', 'personalDetails'],
    givenAt: `${year - 1}-01-01T00:00:00.000Z`,
    expiresAt: `${year + 5}-01-01T00:00:00.000Z`,
  }
}

/** A story body of plain paragraphs, as the admin's editor stores it. */
export function storyBody(...paragraphs) {
  const node = { format: '', indent: 0, version: 1, direction: 'ltr' }
  return {
    root: {
      type: 'root',
      ...node,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        ...node,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  }
}
