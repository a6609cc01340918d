import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { escapeXml } from '@/lib/site/escapeXml'
import { richText } from '@/seed/richText'

import { graphql, rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * Nothing an editor (or a client crafting the JSON itself) puts in rich text can run as script:
 * a link may point to the web, an e-mail, a phone number or a path on the site, on every path
 * that writes text. And what the site writes into XML is escaped.
 */
let payload: Payload
let token = ''

function withLink(url: string) {
  const body = richText('Before the link.')
  const link = {
    type: 'link',
    version: 3,
    direction: 'ltr',
    format: '',
    indent: 0,
    fields: { linkType: 'custom', url, newTab: false },
    children: [{ type: 'text', text: 'a link', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
  }
  ;(body.root.children[0] as { children: unknown[] }).children.push(link)
  return body
}

/** What each collection with rich text needs besides the text, and which field holds it. */
const collections = {
  stories: (body: unknown) => ({ title: 'Linked', slug: '', body }),
  programs: (body: unknown) => ({ name: 'Linked program', slug: '', description: body }),
  leaders: (body: unknown) => ({ publicName: 'Linked leader', bio: body }),
} as const

const unsafe = [
  'javascript:window.print',
  'JavaScript:alert.call',
  ' javascript:self.close',
  'data:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox.run',
  '//elsewhere.example/path',
  '/\\elsewhere.example/path',
  '\\\\elsewhere.example',
  '/\t/elsewhere.example',
  '/\n/elsewhere.example',
  'file:///etc/passwd',
  'not a url at all',
]
const safe = [
  'https://example.org/give',
  'http://example.org',
  'mailto:hello@example.org',
  'tel:+77001234567',
  '/en/stories',
  '/en/stories?page=2#top',
  '#top',
]

const count = (collection: keyof typeof collections) => payload.count({ collection }).then((r) => r.totalDocs)

beforeAll(async () => {
  payload = await startPayload()
  token = await tokenFor(payload, (await createStaff(payload, 'admin')).email)
})

afterAll(() => stopPayload(payload))

describe('a link in rich text', () => {
  for (const collection of Object.keys(collections) as Array<keyof typeof collections>) {
    it.each(unsafe)(`${collection}: %j is refused over REST, in words, and nothing is stored`, async (url) => {
      const before = await count(collection)
      const response = await rest('POST', `/api/${collection}?draft=true`, {
        token,
        body: { ...collections[collection](withLink(url)), _status: 'draft' },
      })
      expect(response.status).toBe(400)
      const { errors } = (await response.json()) as {
        errors: Array<{ data?: { errors?: Array<{ code?: string; message: string; path: string }> } }>
      }
      expect(errors[0]?.data?.errors?.[0]).toMatchObject({
        code: 'unsafeLink',
        path: Object.keys(collections[collection]({})).find(
          (key) => !['title', 'name', 'slug', 'publicName'].includes(key),
        ),
      })
      expect(errors[0]?.data?.errors?.[0]?.message).toContain('https://')
      expect(await count(collection)).toBe(before)
    })

    it.each(safe)(`${collection}: %j is kept`, async (url) => {
      const response = await rest('POST', `/api/${collection}?draft=true`, {
        token,
        body: { ...collections[collection](withLink(url)), _status: 'draft' },
      })
      expect(response.status, await response.clone().text()).toBe(201)
    })
  }

  it('is refused through the local API and GraphQL too', async () => {
    await expect(
      payload.create({
        collection: 'stories',
        data: { title: 'Local', slug: '', body: withLink('javascript:a.b') } as never,
        draft: true,
      }),
    ).rejects.toThrow()
    const result = await graphql(
      `
        mutation ($body: JSON) {
          createStory(data: { title: "Gql", slug: "", body: $body }, draft: true) {
            id
          }
        }
      `,
      token,
      { body: withLink('javascript:a.b') },
    )
    expect(result.errors?.length).toBeGreaterThan(0)
    expect(await payload.count({ collection: 'stories', where: { title: { in: ['Local', 'Gql'] } } })).toMatchObject({
      totalDocs: 0,
    })
  })

  it('is refused when an update adds it to a story that was fine', async () => {
    const story = await payload.create({
      collection: 'stories',
      data: { title: 'Fine', slug: '', body: withLink('/en') },
      draft: true,
    })
    const response = await rest('PATCH', `/api/stories/${story.id}?draft=true`, {
      token,
      body: { body: withLink('javascript:a.b') },
    })
    expect(response.status).toBe(400)
    const stored = await payload.findByID({ collection: 'stories', id: story.id, draft: true })
    expect(JSON.stringify(stored.body)).not.toContain('javascript')
  })
})

describe('XML escaping', () => {
  it.each([
    ['a < b & "c"', 'a &lt; b &amp; &quot;c&quot;'],
    ["it's", 'it&apos;s'],
    ['bell\u0007 and nul\u0000 dropped', 'bell and nul dropped'],
    ['tab\tand newline\nkept', 'tab\tand newline\nkept'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['Қазақша 😀', 'Қазақша 😀'],
  ])('%j → %j', (input, output) => {
    expect(escapeXml(input)).toBe(output)
  })
})

describe('GraphQL errors', () => {
  it('carry no "Did you mean" naming fields of the schema', async () => {
    const { stripSuggestions } = await import('@/lib/graphql/withoutSuggestions')
    const raw = await graphql('{ Participants { docs { legalNam } } }')
    const message = raw.errors?.[0]?.message ?? ''
    // The raw error suggests the private field by name: what a visitor must never see.
    expect(message).toContain('Did you mean')
    const cleaned = JSON.parse(stripSuggestions(JSON.stringify(raw))) as { errors: Array<{ message: string }> }
    expect(cleaned.errors[0]!.message).toBe('Cannot query field "legalNam" on type "Participant".')
    expect(JSON.stringify(cleaned)).not.toContain('legalName')
  })
})

describe('a reference in rich text', () => {
  /** A body holding `node` after a sentence. */
  function withNode(node: Record<string, unknown>) {
    const body = richText('Before the reference.')
    const paragraph = body.root.children[0] as { children: unknown[] }
    if (node.type === 'link') paragraph.children.push(node)
    else body.root.children.push(node as never)
    return body
  }
  const link = (relationTo: string, id: string) => ({
    type: 'link',
    version: 3,
    direction: 'ltr',
    format: '',
    indent: 0,
    fields: { linkType: 'internal', doc: { relationTo, value: id }, newTab: false },
    children: [{ type: 'text', text: 'her', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
  })
  const relationship = (relationTo: string, id: string) => ({
    type: 'relationship',
    version: 2,
    format: '',
    relationTo,
    value: id,
  })
  const upload = (relationTo: string, id: string) => ({
    type: 'upload',
    version: 3,
    format: '',
    fields: null,
    relationTo,
    value: id,
  })
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    const program = await payload.create({
      collection: 'programs',
      data: { name: 'Referenced', slug: 'referenced' } as never,
      draft: true,
    })
    const participant = await payload.create({
      collection: 'participants',
      data: { publicName: 'Dana', legalName: 'A legal name', program: program.id } as never,
    })
    const leader = await payload.create({
      collection: 'leaders',
      data: { publicName: 'A leader' } as never,
      draft: true,
    })
    const story = await payload.create({
      collection: 'stories',
      data: { title: 'Referenced story', slug: '' } as never,
      draft: true,
    })
    Object.assign(ids, { programs: program.id, participants: participant.id, leaders: leader.id, stories: story.id })
    Object.assign(ids, { users: (await createStaff(payload, 'editor')).id })
  })

  // Everything a crafted body could point at that is not a story, a program or an image.
  const refused = [
    ['a link to a participant', () => link('participants', ids.participants!)],
    ['a link to a leader', () => link('leaders', ids.leaders!)],
    ['a link to a member of staff', () => link('users', ids.users!)],
    ['a relationship to a participant', () => relationship('participants', ids.participants!)],
    ['a relationship to a leader', () => relationship('leaders', ids.leaders!)],
    ['an upload of consent evidence', () => upload('consent-evidence', ids.participants!)],
  ] as const
  const kept = [
    ['a link to a story', () => link('stories', ids.stories!)],
    ['a link to a program', () => link('programs', ids.programs!)],
    ['a relationship to a story', () => relationship('stories', ids.stories!)],
  ] as const

  for (const collection of Object.keys(collections) as Array<keyof typeof collections>) {
    it.each(refused)(
      `${collection}: %s is refused in a draft over REST, and nothing is stored`,
      async (_what, node) => {
        const before = await count(collection)
        const response = await rest('POST', `/api/${collection}?draft=true`, {
          token,
          body: { ...collections[collection](withNode(node())), _status: 'draft' },
        })
        expect(response.status).toBe(400)
        const { errors } = (await response.json()) as {
          errors: Array<{ data?: { errors?: Array<{ code?: string; message: string }> } }>
        }
        expect(errors[0]?.data?.errors?.[0]?.code).toBe('referenceNotAllowed')
        expect(errors[0]?.data?.errors?.[0]?.message).toContain('@')
        expect(await count(collection)).toBe(before)
      },
    )

    it.each(kept)(`${collection}: %s is kept`, async (_what, node) => {
      const response = await rest('POST', `/api/${collection}?draft=true`, {
        token,
        body: { ...collections[collection](withNode(node())), _status: 'draft' },
      })
      expect(response.status, await response.clone().text()).toBe(201)
    })
  }

  it('is not offered by any rich-text field’s link, relationship or upload drawer', () => {
    type Resolved = Map<string, { sanitizedServerFeatureProps?: Record<string, unknown> }>
    const offered: Record<string, unknown> = {}
    for (const { config } of Object.values(payload.collections)) {
      for (const field of config.flattenedFields) {
        if (field.type !== 'richText' || typeof field.editor !== 'object') continue
        const features = (field.editor as unknown as { editorConfig: { resolvedFeatureMap: Resolved } }).editorConfig
          .resolvedFeatureMap
        const link = features.get('link')?.sanitizedServerFeatureProps?.fields as Array<{
          name?: string
          relationTo?: unknown
        }>
        offered[`${config.slug}.${field.name}`] = {
          link: link?.find((linkField) => linkField.name === 'doc')?.relationTo,
          relationship: features.get('relationship')?.sanitizedServerFeatureProps?.enabledCollections,
          upload: features.get('upload')?.sanitizedServerFeatureProps?.enabledCollections,
        }
      }
    }
    const onlyAllowed = { link: ['stories', 'programs'], relationship: ['stories', 'programs'], upload: ['media'] }
    expect(Object.keys(offered).sort()).toEqual(['leaders.bio', 'programs.description', 'stories.body'])
    for (const [where, drawers] of Object.entries(offered)) expect(drawers, where).toEqual(onlyAllowed)
  })

  it('is refused when an update adds it, through the local API and GraphQL too', async () => {
    const story = await payload.create({
      collection: 'stories',
      data: { title: 'Fine', slug: '' } as never,
      draft: true,
    })
    const body = withNode(link('participants', ids.participants!))
    await expect(
      payload.update({ collection: 'stories', id: story.id, data: { body } as never, draft: true }),
    ).rejects.toThrow()
    const result = await graphql(
      `
        mutation ($id: String!, $body: JSON) {
          updateStory(id: $id, data: { body: $body }, draft: true) {
            id
          }
        }
      `,
      token,
      { id: String(story.id), body },
    )
    expect(result.errors?.length).toBeGreaterThan(0)
    const stored = await payload.findByID({ collection: 'stories', id: story.id, draft: true, depth: 0 })
    expect(JSON.stringify(stored.body ?? null)).not.toContain(String(ids.participants))
  })
})
