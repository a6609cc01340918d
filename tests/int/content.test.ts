import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { excerptFrom, plainText, truncateAtWord } from '@/lib/richText/plainText'
import { searchStories } from '@/lib/site/publicApi'
import { toSlug } from '@/lib/slugify'
import { richText } from '@/seed/richText'

import { createStory } from '../helpers/content'
import { validationErrors } from '../helpers/errors'
import { startPayload, stopPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

describe('slugs', () => {
  it('transliterate Russian and Kazakh titles into readable ASCII', () => {
    expect(toSlug('Голоса женщин Алматы')).toBe('golosa-zhenshin-almaty')
    expect(toSlug('Әйелдер үні')).toMatch(/^[a-z0-9-]+$/)
    expect(toSlug('  What’s next?  ')).toBe('whats-next')
  })

  it('are derived from the title on create', async () => {
    const story = await createStory(payload, { title: 'Boundaries are not walls' })
    expect(story.slug).toBe('boundaries-are-not-walls')
  })

  it('are derived from a Cyrillic title too', async () => {
    const story = await createStory(payload, { title: 'Первый круг' })
    expect(story.slug).toBe('pervyj-krug')
  })

  it('keep a slug the editor typed', async () => {
    const story = await createStory(payload, { title: 'Some long title', slug: 'short' })
    expect(story.slug).toBe('short')
  })

  it('stay put when the title changes later, so links keep working', async () => {
    const story = await createStory(payload, { title: 'Original title' })
    await payload.update({ collection: 'stories', id: story.id, data: { title: 'Edited title', generateSlug: false } })
    const stored = await payload.findByID({ collection: 'stories', id: story.id })
    expect(stored.slug).toBe('original-title')
    expect(stored.title).toBe('Edited title')
  })

  it('must be unique: a duplicate is refused with a clear error and nothing is written', async () => {
    await createStory(payload, { title: 'Unique story', slug: 'unique-story' })
    await expect(createStory(payload, { title: 'Another', slug: 'unique-story' })).rejects.toThrow(/slug/i)
    const { totalDocs } = await payload.count({ collection: 'stories', where: { slug: { equals: 'unique-story' } } })
    expect(totalDocs).toBe(1)
  })

  it('may not take a word the story index uses as its own path', async () => {
    const errors = await validationErrors(createStory(payload, { title: 'Page', slug: 'page' }))
    expect(errors[0]).toMatchObject({ path: 'slug', message: expect.stringMatching(/used by the site/) })
  })

  it('are derived for programs and tags from their names', async () => {
    const program = await payload.create({
      collection: 'programs',
      data: { name: 'Women’s Empowerment Project', slug: '', _status: 'published', status: 'active' },
    })
    expect(program.slug).toBe('womens-empowerment-project')
    const tag = await payload.create({ collection: 'tags', data: { name: 'Work and money', slug: '' } })
    expect(tag.slug).toBe('work-and-money')
  })
})

describe('excerpts', () => {
  const longBody = richText(
    { h2: 'A heading' },
    'Dana keeps a notebook on her kitchen table. Every evening, after her two children are asleep, she writes down what she spent that day.',
    'A year ago she did not know how much her family needed each month, and when she left she had no idea where to start.',
  )

  it('turn rich text into plain text without running words together', () => {
    expect(plainText(richText('One.', 'Two.', { list: ['Three', 'Four'] }))).toBe('One. Two. Three Four')
  })

  it('cut at a word boundary with an ellipsis', () => {
    const cut = truncateAtWord('alpha beta gamma delta', 12)
    expect(cut).toBe('alpha beta…')
    expect(truncateAtWord('short', 200)).toBe('short')
  })

  it('are derived from the body when left empty', async () => {
    const story = await createStory(payload, { body: longBody })
    expect(story.excerpt).toBe(excerptFrom(longBody))
    expect(story.excerpt!.length).toBeLessThanOrEqual(201)
    expect(story.excerpt!.endsWith('…')).toBe(true)
    expect(story.excerpt!.startsWith('A heading Dana keeps a notebook')).toBe(true)
  })

  it('follow the body when it changes, while still derived', async () => {
    const story = await createStory(payload, { body: richText('First version of the story.') })
    const updated = await payload.update({
      collection: 'stories',
      id: story.id,
      data: { body: richText('Second version of the story.') },
    })
    expect(updated.excerpt).toBe('Second version of the story.')
  })

  it('keep what the editor wrote', async () => {
    const story = await createStory(payload, { body: longBody, excerpt: 'Written by the editor.' })
    expect(story.excerpt).toBe('Written by the editor.')
    const updated = await payload.update({
      collection: 'stories',
      id: story.id,
      data: { body: richText('A rewritten body.') },
    })
    expect(updated.excerpt).toBe('Written by the editor.')
  })
})

describe('search text', () => {
  it('keeps a plain-text copy of the body per locale for site search', async () => {
    const story = await createStory(payload, { body: richText({ h2: 'Tea first' }, 'Then the **lesson**.') })
    expect(story.searchText).toBe('Tea first Then the lesson.')
    await payload.update({
      collection: 'stories',
      id: story.id,
      locale: 'ru',
      data: { title: 'Чай', body: richText('Сначала чай.') },
    })
    const ru = await payload.findByID({ collection: 'stories', id: story.id, locale: 'ru' })
    expect(ru.searchText).toBe('Сначала чай.')
    const en = await payload.findByID({ collection: 'stories', id: story.id, locale: 'en' })
    expect(en.searchText).toBe('Tea first Then the lesson.')
  })
})

describe('site search', () => {
  // Each story's words, in its locale; every query must find it whatever its case or ё/е.
  const table = [
    {
      locale: 'ru',
      title: 'Женщины Алматы',
      body: 'Ещё одна встреча в Ёлочке.',
      queries: ['женщин', 'ЖЕНЩИН', 'Женщин', 'ещё', 'ЕЩЕ', 'ёлочк', 'Елочке'],
    },
    {
      locale: 'kk',
      title: 'Әйелдер тобы',
      body: 'Қазақстандағы ұлы іс, өмір мен үміт.',
      queries: ['әйелдер', 'ӘЙЕЛДЕР', 'Әйелдер', 'ҚАЗАҚСТАН', 'қазақстан', 'ҰЛЫ', 'ӨМІР', 'Үміт', 'ІС'],
    },
    { locale: 'en', title: 'Tea First', body: 'Then the LESSON.', queries: ['tea', 'TEA', 'lesson', 'Lesson'] },
  ] as const

  it.each(table)(
    'finds the $locale story whatever the case or ё/е of the query',
    async ({ locale, title, body, queries }) => {
      const story = await createStory(payload, { title: `English title ${locale}`, body: richText('English words.') })
      await payload.update({ collection: 'stories', id: story.id, locale, data: { title, body: richText(body) } })
      for (const query of queries) {
        const { stories: found } = await searchStories(query, locale)
        expect(
          found.map((doc) => doc.id),
          `${locale}: ${query}`,
        ).toContain(story.id)
      }
      // A word the story does not have finds nothing of it.
      expect((await searchStories('несуществующее', locale)).stories.map((doc) => doc.id)).not.toContain(story.id)
    },
  )
})

describe('publishing', () => {
  it('dates a story when it is first published without a date', async () => {
    const draft = await createStory(payload, { _status: 'draft' })
    expect(draft.publishedAt ?? null).toBeNull()
    const before = Date.now()
    const published = await payload.update({ collection: 'stories', id: draft.id, data: { _status: 'published' } })
    expect(new Date(published.publishedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000)
  })

  it('keeps a date the editor chose', async () => {
    const story = await payload.create({
      collection: 'stories',
      data: {
        title: 'Dated',
        slug: '',
        body: richText('Text.'),
        _status: 'published',
        publishedAt: '2022-06-05T09:00:00.000Z',
      },
    })
    expect(story.publishedAt).toBe('2022-06-05T09:00:00.000Z')
  })
})

describe('localization', () => {
  it('stores a translation beside the original and falls back to English', async () => {
    const story = await createStory(payload, { title: 'In English' })
    await payload.update({
      collection: 'stories',
      id: story.id,
      locale: 'ru',
      data: { title: 'По-русски', body: richText('Текст.') },
    })
    expect((await payload.findByID({ collection: 'stories', id: story.id, locale: 'ru' })).title).toBe('По-русски')
    expect((await payload.findByID({ collection: 'stories', id: story.id, locale: 'en' })).title).toBe('In English')
    expect((await payload.findByID({ collection: 'stories', id: story.id, locale: 'kk' })).title).toBe('In English')
  })
})

describe('validation', () => {
  it('requires alt text on media', async () => {
    const { drawIllustration } = await import('@/seed/images')
    const data = await drawIllustration({ name: 't', palette: ['#fff', '#000', '#888'], motif: 'sun' })
    await expect(
      payload.create({
        collection: 'media',
        data: {} as never,
        file: { data, mimetype: 'image/jpeg', name: 'no-alt.jpg', size: data.length },
      }),
    ).rejects.toThrow(/alt/i)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(0)
  })

  it('stores media with every responsive size, including the 1200x630 share image', async () => {
    const { drawIllustration } = await import('@/seed/images')
    const data = await drawIllustration({ name: 't', palette: ['#fff', '#000', '#888'], motif: 'circle' })
    const media = await payload.create({
      collection: 'media',
      data: { alt: 'Test illustration' },
      file: { data, mimetype: 'image/jpeg', name: 'with-alt.jpg', size: data.length },
    })
    expect(media.sizes?.share).toMatchObject({ width: 1200, height: 630 })
    expect(media.sizes?.thumbnail?.width).toBe(400)
    expect(media.sizes?.card?.width).toBe(768)
    // A tiny inline placeholder for next/image's blur-up.
    expect(media.blurDataUrl).toMatch(/^data:image\/webp;base64,/)
    expect(media.blurDataUrl!.length).toBeLessThan(1000)
  })

  it('refuses a donation link that is not a web address, keeping the old one', async () => {
    await payload.updateGlobal({ slug: 'get-involved', data: { donationUrl: 'https://example.org/donate' } })
    const errors = await validationErrors(
      payload.updateGlobal({ slug: 'get-involved', data: { donationUrl: 'javascript:alert(1)' } }),
    )
    expect(errors).toEqual([
      expect.objectContaining({ path: 'donationUrl', message: expect.stringMatching(/https:\/\//) }),
    ])
    expect((await payload.findGlobal({ slug: 'get-involved' })).donationUrl).toBe('https://example.org/donate')
  })

  it('keeps navigation on the site and away from the admin', async () => {
    const toAdmin = await validationErrors(
      payload.updateGlobal({ slug: 'navigation', data: { header: [{ label: 'Admin', path: '/admin' }] } }),
    )
    expect(toAdmin[0]?.message).toMatch(/never linked/)
    const offSite = await validationErrors(
      payload.updateGlobal({
        slug: 'navigation',
        data: { header: [{ label: 'Elsewhere', path: 'https://evil.example' }] },
      }),
    )
    expect(offSite[0]?.message).toMatch(/starting with "\/"/)
    const nav = await payload.updateGlobal({
      slug: 'navigation',
      data: { header: [{ label: 'Stories', path: '/stories' }] },
    })
    expect(nav.header?.[0]?.path).toBe('/stories')
  })
})
