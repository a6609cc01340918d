import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { toSlug } from '@/lib/slugify'
import type { User } from '@/payload-types'
import { seed } from '@/seed'
import { richText } from '@/seed/richText'

import { graphql, rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * Slugs never fight the editor: a slug made from the title is always free (`-2`, `-3`, …) on every
 * path and in every language, while a slug someone chose is refused in words when taken or
 * reserved, and nothing is stored. Each table below declares its paths and cases once.
 */

type Collection = 'stories' | 'programs' | 'tags'
type Locale = 'en' | 'ru' | 'kk'
type Path = 'local API' | 'REST' | 'GraphQL'
type Saved = { ok: true; id: string; slug: string | null } | { ok: false; error: string }

const collections: Collection[] = ['stories', 'programs', 'tags']
const paths: Path[] = ['local API', 'REST', 'GraphQL']
const locales: Locale[] = ['en', 'ru', 'kk']
const graphqlName = { stories: 'Story', programs: 'Program', tags: 'Tag' } as const
const kind = { stories: 'story', programs: 'program', tags: 'tag' } as const
const hasDrafts = (collection: Collection) => collection !== 'tags'

let payload: Payload
/** The local API without per-collection typing, so one table can drive all three collections. */
type Write = (args: Record<string, unknown>) => Promise<{ id: string | number; slug?: string | null }>
const local = () => payload as unknown as { create: Write; update: Write; duplicate: Write }
let editor: User
let token: string
let cell = 0

beforeAll(async () => {
  payload = await startPayload()
  editor = await createStaff(payload, 'editor')
  token = await tokenFor(payload, editor.email)
})

afterAll(() => stopPayload(payload))

/** A title no other test uses, in the language given. */
function title(base: string): string {
  cell += 1
  return `${base} ${cell}`
}

function content(collection: Collection, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  if (collection === 'stories') return { title: name, body: richText('A paragraph of test prose.'), ...extra }
  if (collection === 'programs') return { name, status: 'active', ...extra }
  return { name, ...extra }
}

function failure(error: unknown): Saved {
  const e = error as { message?: string; data?: unknown }
  return { ok: false, error: `${e.message} ${JSON.stringify(e.data ?? '')}` }
}

async function restResult(response: Response): Promise<Saved> {
  const body = (await response.json()) as { doc?: { id: string; slug: string | null }; errors?: unknown }
  return response.ok && body.doc
    ? { ok: true, id: body.doc.id, slug: body.doc.slug }
    : { ok: false, error: JSON.stringify(body.errors ?? body) }
}

function graphqlResult(result: Awaited<ReturnType<typeof graphql>>, field: string): Saved {
  const doc = result.data?.[field] as { id: string; slug: string | null } | undefined
  return doc && !result.errors?.length ? { ok: true, ...doc } : { ok: false, error: JSON.stringify(result.errors) }
}

/** Creates a document as an editor through one path: drafts where the collection has them. */
async function createVia(
  path: Path,
  collection: Collection,
  data: Record<string, unknown>,
  locale: Locale = 'en',
  language = 'en',
): Promise<Saved> {
  const draft = hasDrafts(collection)
  if (path === 'local API') {
    try {
      const doc = await local().create({
        collection,
        data,
        locale,
        draft,
        user: editor,
        overrideAccess: false,
        depth: 0,
      })
      return { ok: true, id: String(doc.id), slug: doc.slug ?? null }
    } catch (error) {
      return failure(error)
    }
  }
  if (path === 'REST') {
    const query = `locale=${locale}&depth=0${draft ? '&draft=true' : ''}`
    return restResult(
      await rest('POST', `/api/${collection}?${query}`, {
        token,
        body: data,
        headers: { 'Accept-Language': language },
      }),
    )
  }
  const field = `create${graphqlName[collection]}`
  // GraphQL asks for every required field; an empty slug is made from the title, as in the admin.
  const result = await graphql(
    `mutation ($data: mutation${graphqlName[collection]}Input!) { ${field}(data: $data, locale: ${locale}${draft ? ', draft: true' : ''}) { id slug } }`,
    token,
    { data: { slug: '', ...data } },
  )
  return graphqlResult(result, field)
}

/** Updates a document as an editor through one path (a draft save where the collection has drafts). */
async function updateVia(
  path: Path,
  collection: Collection,
  id: string,
  data: Record<string, unknown>,
  language = 'en',
): Promise<Saved> {
  const draft = hasDrafts(collection)
  if (path === 'local API') {
    try {
      const doc = await local().update({ collection, id, data, draft, user: editor, overrideAccess: false, depth: 0 })
      return { ok: true, id: String(doc.id), slug: doc.slug ?? null }
    } catch (error) {
      return failure(error)
    }
  }
  if (path === 'REST') {
    return restResult(
      await rest('PATCH', `/api/${collection}/${id}?depth=0${draft ? '&draft=true' : ''}`, {
        token,
        body: data,
        headers: { 'Accept-Language': language },
      }),
    )
  }
  const field = `update${graphqlName[collection]}`
  const result = await graphql(
    `mutation ($id: String!, $data: mutation${graphqlName[collection]}UpdateInput!) { ${field}(id: $id, data: $data${draft ? ', draft: true' : ''}) { id slug } }`,
    token,
    { id, data },
  )
  return graphqlResult(result, field)
}

async function duplicateVia(path: Path, collection: Collection, id: string, name: string): Promise<Saved> {
  const data = hasDrafts(collection) ? { _status: 'draft' } : {}
  if (path === 'local API') {
    try {
      const doc = await local().duplicate({ collection, id, data, user: editor, overrideAccess: false, depth: 0 })
      return { ok: true, id: String(doc.id), slug: doc.slug ?? null }
    } catch (error) {
      return failure(error)
    }
  }
  // What the admin's Duplicate button sends.
  if (path === 'REST')
    return restResult(await rest('POST', `/api/${collection}/${id}/duplicate`, { token, body: data }))
  const field = `duplicate${graphqlName[collection]}`
  const result = await graphql(
    `mutation ($id: String!, $data: mutation${graphqlName[collection]}Input!) { ${field}(id: $id, data: $data) { id slug } }`,
    token,
    // GraphQL asks for the required fields; the copy keeps the source's title.
    { id, data: { ...content(collection, name, { slug: '' }), ...data } },
  )
  return graphqlResult(result, field)
}

function saved(result: Saved): { id: string; slug: string | null } {
  if (!result.ok) throw new Error(`expected the write to succeed: ${result.error}`)
  return result
}

/** The slug the document holds now: the latest draft's, where the collection has drafts. */
async function latestSlug(collection: Collection, id: string): Promise<string | null> {
  const doc = await payload.findByID({ collection, id, draft: hasDrafts(collection), depth: 0 })
  return doc.slug ?? null
}

/** How many documents hold the slug, in their stored row or their latest draft. */
async function holdersOf(collection: Collection, slug: string): Promise<number> {
  const where = { slug: { equals: slug } }
  const rows = await payload.find({ collection, where, depth: 0, limit: 10 })
  const drafts = hasDrafts(collection)
    ? await payload.find({ collection, where, depth: 0, limit: 10, draft: true })
    : rows
  return new Set([...rows.docs, ...drafts.docs].map((doc) => doc.id)).size
}

describe('a slug made from the title is always free', () => {
  for (const collection of collections) {
    for (const path of paths) {
      for (const locale of locales) {
        it(`${collection}, same title three times through the ${path} in ${locale}: -2, -3`, async () => {
          const name = title({ en: 'Tea, then talk', ru: 'Чай, потом разговор', kk: 'Шай, сосын әңгіме' }[locale])
          const base = toSlug(name)
          const slugs: Array<string | null> = []
          for (let i = 0; i < 3; i += 1)
            slugs.push(saved(await createVia(path, collection, content(collection, name), locale)).slug)
          expect(slugs).toEqual([base, `${base}-2`, `${base}-3`])
        })
      }
    }
  }

  it('stories, in the admin: opened empty, then autosaved as the title is typed, twice', async () => {
    const name = title('Our first market day')
    const base = toSlug(name)
    const slugs: Array<string | null> = []
    for (let i = 0; i < 2; i += 1) {
      // "Create new" saves an empty draft at once; autosave then PATCHes what was typed.
      const { id } = saved(await createVia('REST', 'stories', {}))
      const typing = `/api/stories/${id}?autosave=true&draft=true&depth=0&locale=en`
      saved(await restResult(await rest('PATCH', typing, { token, body: { title: name.slice(0, 8), slug: null } })))
      const typed = await restResult(await rest('PATCH', typing, { token, body: { title: name } }))
      // The form holds whatever slug the server gave last; the next autosave sends it back.
      const again = await restResult(
        await rest('PATCH', typing, { token, body: { title: name, slug: saved(typed).slug } }),
      )
      slugs.push(saved(again).slug)
    }
    expect(slugs).toEqual([base, `${base}-2`])
  })

  it('a title whose slug another document holds only in its latest draft is free of it too', async () => {
    const published = saved(await createVia('local API', 'stories', content('stories', title('Before'))))
    const renamed = title('After')
    saved(await updateVia('local API', 'stories', published.id, { title: renamed, slug: toSlug(renamed) }))
    const other = saved(await createVia('REST', 'stories', content('stories', renamed)))
    expect(other.slug).toBe(`${toSlug(renamed)}-2`)
  })

  it('stories: a title that makes a word the story index uses gets a free number instead', async () => {
    for (const word of ['Page', 'Program', 'Tag']) {
      const story = saved(await createVia('REST', 'stories', content('stories', word)))
      expect(story.slug).toBe(`${word.toLowerCase()}-2`)
    }
  })

  it('a long title keeps its numbered slug within the length limit', async () => {
    const name = `${'Long '.repeat(30)}${title('end')}`
    const first = saved(await createVia('local API', 'stories', content('stories', name)))
    const second = saved(await createVia('local API', 'stories', content('stories', name)))
    expect(first.slug!.length).toBeLessThanOrEqual(96)
    expect(second.slug).toBe(`${first.slug!.slice(0, 94).replace(/-+$/, '')}-2`)
  })
})

describe('a duplicate gets the next free slug of its title', () => {
  for (const collection of collections) {
    for (const path of paths) {
      it(`${collection}, duplicated twice through the ${path}`, async () => {
        const name = title('Original')
        const source = saved(await createVia('local API', collection, content(collection, name)))
        const first = saved(await duplicateVia(path, collection, source.id, name))
        const second = saved(await duplicateVia(path, collection, source.id, name))
        expect([source.slug, first.slug, second.slug]).toEqual([toSlug(name), `${toSlug(name)}-2`, `${toSlug(name)}-3`])
      })
    }
  }
})

describe('a slug someone chose is refused in words when taken, and nothing is stored', () => {
  const operations = ['create', 'update'] as const
  for (const collection of collections) {
    for (const path of paths) {
      for (const operation of operations) {
        it(`${collection}, ${operation} through the ${path}`, async () => {
          const holderTitle = title('The holder')
          const holder = saved(await createVia('local API', collection, content(collection, holderTitle)))
          const taken = holder.slug!
          let attempt: Saved
          let writer: { id: string; slug: string | null } | null = null
          if (operation === 'create') {
            attempt = await createVia(path, collection, content(collection, title('Chooser'), { slug: taken }))
          } else {
            writer = saved(await createVia('local API', collection, content(collection, title('Chooser'))))
            attempt = await updateVia(path, collection, writer.id, { slug: taken })
          }
          expect(attempt.ok).toBe(false)
          expect(attempt.ok ? '' : attempt.error).toContain(
            `The slug “${taken}” is already used by the ${kind[collection]} “${holderTitle}”. Choose another.`,
          )
          expect(attempt.ok ? '' : attempt.error).toContain('"code":"slugTaken"')
          expect(await holdersOf(collection, taken)).toBe(1)
          if (writer) expect(await latestSlug(collection, writer.id)).toBe(writer.slug)
        })
      }
    }
  }

  it('in the admin’s language: Russian for staff who read the admin in Russian', async () => {
    const holderTitle = title('Русское название')
    const holder = saved(await createVia('local API', 'stories', content('stories', holderTitle)))
    const attempt = await createVia(
      'REST',
      'stories',
      content('stories', title('x'), { slug: holder.slug }),
      'en',
      'ru',
    )
    expect(attempt.ok ? '' : attempt.error).toContain(
      `Адрес (slug) «${holder.slug}» уже занят историей «${holderTitle}». Выберите другой.`,
    )
  })

  it('while autosaving a draft, as in the admin: the draft keeps its slug', async () => {
    const holder = saved(await createVia('local API', 'stories', content('stories', title('Autosave holder'))))
    const writer = saved(await createVia('local API', 'stories', content('stories', title('Autosave writer'))))
    const response = await rest('PATCH', `/api/stories/${writer.id}?autosave=true&draft=true&depth=0`, {
      token,
      body: { slug: holder.slug },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain(`The slug “${holder.slug}” is already used by the story`)
    expect(await latestSlug('stories', writer.id)).toBe(writer.slug)
  })

  it('when an earlier version is restored whose slug another document has taken since', async () => {
    const story = saved(await createVia('local API', 'stories', content('stories', title('Restored'))))
    const old = story.slug!
    saved(await updateVia('local API', 'stories', story.id, { slug: `${old}-renamed` }))
    const taker = saved(await createVia('local API', 'stories', content('stories', title('Taker'), { slug: old })))
    expect(taker.slug).toBe(old)
    const { docs } = await payload.findVersions({
      collection: 'stories',
      where: { parent: { equals: story.id } },
      sort: 'createdAt',
    })
    const response = await rest('POST', `/api/stories/versions/${docs[0]!.id}?draft=true`, { token })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain(`The slug “${old}” is already used by the story`)
    expect(await latestSlug('stories', story.id)).toBe(`${old}-renamed`)
  })

  it('names the holder only to someone who may read it', async () => {
    const stories = payload.collections.stories.config
    const read = stories.access.read
    const holder = saved(await createVia('local API', 'stories', content('stories', title('Kept from you'))))
    // As if stories were readable only by their authors: the holder is someone else's.
    stories.access.read = ({ req }) =>
      req.user ? { author: { equals: '00000000-0000-0000-0000-000000000000' } } : false
    try {
      const attempt = await createVia('REST', 'stories', content('stories', title('x'), { slug: holder.slug }))
      expect(attempt.ok ? '' : attempt.error).toContain(
        `The slug “${holder.slug}” is already used by another document. Choose another.`,
      )
      expect(attempt.ok ? '' : attempt.error).not.toContain('Kept from you')
    } finally {
      stories.access.read = read
    }
  })
})

describe('words the site’s own pages use', () => {
  const cases = [
    { word: 'page', status: 'draft' },
    { word: 'program', status: 'published' },
    { word: 'tag', status: 'draft' },
  ] as const
  for (const path of paths) {
    for (const { word, status } of cases) {
      it(`a story may not be given “${word}” through the ${path} (${status})`, async () => {
        const attempt = await createVia(
          path,
          'stories',
          content('stories', title('Reserved'), { slug: word, _status: status }),
        )
        expect(attempt.ok ? '' : attempt.error).toContain(
          `“${word}” is used by the site’s own pages. Choose another slug.`,
        )
        expect(attempt.ok ? '' : attempt.error).toContain('"code":"slugReserved"')
        expect(await holdersOf('stories', word)).toBe(0)
      })
    }
  }
})

describe('two writes at the same instant', () => {
  it('both get a slug, or the second is refused in words and stores nothing', async () => {
    const name = title('At once')
    const base = toSlug(name)
    const results = await Promise.all([0, 1].map(() => createVia('local API', 'stories', content('stories', name))))
    const stored = results.filter((r) => r.ok).map((r) => saved(r).slug)
    expect(new Set(stored).size).toBe(stored.length)
    expect(stored.every((slug) => slug === base || slug === `${base}-2`)).toBe(true)
    for (const result of results) {
      if (!result.ok)
        expect(result.error).toContain(`The slug “${base}” was taken by another document at the same moment.`)
    }
    expect((await payload.count({ collection: 'stories', where: { title: { equals: name } } })).totalDocs).toBe(
      stored.length,
    )
  })

  it('the database’s unique index, the last line of defence, refuses in words', async () => {
    const first = saved(await createVia('local API', 'programs', content('programs', title('Index'))))
    const second = saved(await createVia('local API', 'programs', content('programs', title('Index'))))
    const refused = await payload.db
      .updateOne({ collection: 'programs', id: second.id, data: { slug: first.slug } })
      .then(
        () => null,
        (error: { message: string; data?: { errors?: unknown[] } }) => error,
      )
    expect(refused?.message).toContain(
      `The slug “${first.slug}” was taken by another document at the same moment. Save again to get a free slug, or choose another.`,
    )
    expect(refused?.data?.errors).toEqual([expect.objectContaining({ path: 'slug', code: 'slugTakenMeanwhile' })])
    expect(await latestSlug('programs', second.id)).toBe(second.slug)
  })
})

describe('the seed', () => {
  it(
    'suggests its slugs: one another document already holds gets the next free number',
    { timeout: 180_000 },
    async () => {
      const holder = saved(
        await createVia(
          'local API',
          'stories',
          content('stories', 'Someone else’s story', { slug: 'boundaries-are-not-walls' }),
        ),
      )
      await seed(payload, { email: 'slug-seed@example.org', password: 'a long demo password' })
      const { docs } = await payload.find({
        collection: 'stories',
        where: { title: { equals: 'Boundaries are not walls' } },
      })
      expect(docs.map((doc) => doc.slug)).toEqual(['boundaries-are-not-walls-2'])
      expect(await latestSlug('stories', holder.id)).toBe('boundaries-are-not-walls')
    },
  )
})
