import type { Payload } from 'payload'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, User } from '@/payload-types'
import { refreshMediaVisibility } from '@/privacy/media/visibility'
import { richText } from '@/seed/richText'

import { createProgram, signedOff, writtenConsent } from '../helpers/content'
import { rest, tokenFor } from '../helpers/http'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

/**
 * Media are private until a published page uses them, and a photo of a person only while her
 * photo consent holds. Each case below puts an image in one state; the same assertions then run
 * for every case, as an anonymous visitor and as staff, over the media document, the list, the
 * file itself and a size of it.
 */

let payload: Payload
let editor: User
let editorToken: string
let n = 0

beforeAll(async () => {
  payload = await startPayload()
  editor = await createStaff(payload, 'editor')
  editorToken = await tokenFor(payload, editor.email)
})

afterAll(() => stopPayload(payload))

async function image(
  peopleShown: Array<{ relationTo: 'participants' | 'leaders'; value: string }> = [],
): Promise<Media> {
  n += 1
  const data = await sharp({
    create: {
      width: 900,
      height: 600,
      channels: 3,
      background: `#${(n * 4321).toString(16).slice(-6).padStart(6, '0')}`,
    },
  })
    .png()
    .toBuffer()
  return payload.create({
    collection: 'media',
    data: { alt: `Visibility test image ${n}`, caption: `Caption ${n}`, peopleShown },
    file: { data, mimetype: 'image/png', name: `photo-${n}.png`, size: data.length },
  })
}

async function participant(scopes: Array<'name' | 'photo'> = ['name', 'photo']) {
  n += 1
  return payload.create({
    collection: 'participants',
    data: { publicName: `Visible ${n}`, legalName: `Legal Visible ${n}`, consent: writtenConsent(scopes) },
  })
}

async function story(data: Record<string, unknown>, status: 'draft' | 'published') {
  n += 1
  return payload.create({
    collection: 'stories',
    data: { title: `Media story ${n}`, slug: '', body: richText('A paragraph.'), _status: status, ...data },
    draft: status === 'draft',
    context: signedOff,
  })
}

const shareImage = (id: string) =>
  payload.updateGlobal({ slug: 'site-settings', data: { organisationName: 'Visibility test', shareImage: id } })

const withdrawn = () => ({ ...writtenConsent(['name', 'photo']), withdrawnAt: new Date().toISOString() })

type Case = { name: string; make: () => Promise<Media>; public: boolean }

const cases: Case[] = [
  { name: 'never used anywhere', make: () => image(), public: false },
  {
    name: 'used only by a draft story',
    make: async () => {
      const media = await image()
      await story({ heroImage: media.id }, 'draft')
      return media
    },
    public: false,
  },
  {
    name: 'the hero image of a published story',
    make: async () => {
      const media = await image()
      await story({ heroImage: media.id }, 'published')
      return media
    },
    public: true,
  },
  {
    name: 'inside the Russian body of a published story',
    make: async () => {
      const media = await image()
      const created = await story({}, 'published')
      const body = richText('Текст.')
      body.root.children.push({
        type: 'upload',
        version: 3,
        format: '',
        relationTo: 'media',
        value: media.id,
        fields: null,
      } as never)
      await payload.update({
        collection: 'stories',
        id: created.id,
        locale: 'ru',
        data: { title: 'История', body },
        context: signedOff,
      })
      return media
    },
    public: true,
  },
  {
    name: 'the share image of a published story, set in Kazakh only',
    make: async () => {
      const media = await image()
      const created = await story({}, 'published')
      await payload.update({
        collection: 'stories',
        id: created.id,
        locale: 'kk',
        data: { title: 'Әңгіме', body: richText('Мәтін.'), meta: { image: media.id } },
        context: signedOff,
      })
      return media
    },
    public: true,
  },
  {
    name: 'the hero image of a story that was published and then unpublished',
    make: async () => {
      const media = await image()
      const created = await story({ heroImage: media.id }, 'published')
      await payload.update({ collection: 'stories', id: created.id, data: { _status: 'draft' } })
      return media
    },
    public: false,
  },
  {
    name: 'the hero image of a published story that was deleted',
    make: async () => {
      const media = await image()
      const created = await story({ heroImage: media.id }, 'published')
      await payload.delete({ collection: 'stories', id: created.id })
      return media
    },
    public: false,
  },
  {
    name: 'the hero image of a published program',
    make: async () => {
      const media = await image()
      const program = await createProgram(payload)
      await payload.update({ collection: 'programs', id: program.id, data: { heroImage: media.id } })
      return media
    },
    public: true,
  },
  {
    name: 'a photo of a participant with photo consent, in a published story',
    make: async () => {
      const person = await participant()
      const media = await image([{ relationTo: 'participants', value: person.id }])
      await story({ heroImage: media.id }, 'published')
      return media
    },
    public: true,
  },
  {
    name: 'a photo of a participant who then withdrew her consent',
    make: async () => {
      const person = await participant()
      const media = await image([{ relationTo: 'participants', value: person.id }])
      await story({ heroImage: media.id }, 'published')
      await payload.update({ collection: 'participants', id: person.id, data: { consent: withdrawn() } })
      return media
    },
    public: false,
  },
  {
    name: 'a photo of a participant who was then erased',
    make: async () => {
      const person = await participant()
      const media = await image([{ relationTo: 'participants', value: person.id }])
      await story({ heroImage: media.id }, 'published')
      const safeguarding = await createStaff(payload, 'safeguarding')
      const response = await rest('POST', `/api/participants/${person.id}/erase`, {
        token: await tokenFor(payload, safeguarding.email),
      })
      expect(response.status).toBe(200)
      return media
    },
    public: false,
  },
  {
    name: 'a published image that staff then mark as showing someone without photo consent',
    make: async () => {
      const media = await image()
      await story({ heroImage: media.id }, 'published')
      const person = await participant(['name'])
      await payload.update({
        collection: 'media',
        id: media.id,
        data: { peopleShown: [{ relationTo: 'participants', value: person.id }] },
      })
      return media
    },
    public: false,
  },
  {
    name: 'the default share image in site settings',
    make: async () => {
      const media = await image()
      await shareImage(media.id)
      return media
    },
    public: true,
  },
  {
    name: 'a default share image that was then replaced by another',
    make: async () => {
      const media = await image()
      await shareImage(media.id)
      await shareImage((await image()).id)
      return media
    },
    public: false,
  },
  {
    name: 'a default share image showing a participant without photo consent',
    make: async () => {
      const person = await participant(['name'])
      const media = await image([{ relationTo: 'participants', value: person.id }])
      await shareImage(media.id)
      return media
    },
    public: false,
  },
]

const fileUrl = (media: Media) => new URL(media.url!, 'http://voices.test').pathname
const sizeUrl = (media: Media) => new URL(media.sizes!.thumbnail!.url!, 'http://voices.test').pathname

describe.each(cases)('an image $name', (c) => {
  let media: Media
  beforeAll(async () => {
    media = await c.make()
    // What the hooks decided must match a fresh computation from scratch.
    const req = await requestAs(payload, null)
    expect(await refreshMediaVisibility(req, [media.id])).toEqual([])
    media = await payload.findByID({ collection: 'media', id: media.id, depth: 0 })
  })

  it(`is ${c.public ? '' : 'not '}shown to anonymous visitors: document, list, file and sizes`, async () => {
    const doc = await rest('GET', `/api/media/${media.id}`)
    expect(doc.status).toBe(c.public ? 200 : 404)
    const list = (await (await rest('GET', `/api/media?limit=500&depth=0`)).json()) as { docs: Media[] }
    expect(list.docs.some((d) => d.id === media.id)).toBe(c.public)
    // Alt text and captions follow the image: private ones never appear in any answer.
    expect(JSON.stringify(list).includes(media.alt)).toBe(c.public)
    expect((await rest('GET', fileUrl(media))).status).toBe(c.public ? 200 : 403)
    expect((await rest('GET', sizeUrl(media))).status).toBe(c.public ? 200 : 403)
  })

  it('is always shown to staff, for previews and the admin', async () => {
    expect((await rest('GET', `/api/media/${media.id}`, { token: editorToken })).status).toBe(200)
    expect((await rest('GET', fileUrl(media), { token: editorToken })).status).toBe(200)
  })

  it('is served so that no cache can keep showing it without asking first', async () => {
    const response = await rest('GET', fileUrl(media), { token: editorToken })
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const etag = response.headers.get('etag')
    expect(etag).toMatch(/^"\d+"$/)
    await response.arrayBuffer()
    const again = await rest('GET', fileUrl(media), { token: editorToken, headers: { 'If-None-Match': etag! } })
    expect(again.status).toBe(304)
    // Revalidation checks access again: an anonymous visitor holding the tag of a private image gets nothing.
    const anonymous = await rest('GET', fileUrl(media), { headers: { 'If-None-Match': etag! } })
    expect(anonymous.status).toBe(c.public ? 304 : 403)
  })
})

describe('a file name no image has', () => {
  const names = ['never-uploaded.webp', '00000000-0000-4000-8000-000000000000-1800x1200.webp', 'a%00.webp']
  it.each(names)('%s: 404 for staff, 403 for visitors, never a 500', async (name) => {
    expect((await rest('GET', `/api/media/file/${name}`, { token: editorToken })).status).toBe(404)
    const withTag = { token: editorToken, headers: { 'If-None-Match': '"123"' } }
    expect((await rest('GET', `/api/media/file/${name}`, withTag)).status).toBe(404)
    expect((await rest('GET', `/api/media/file/${name}`)).status).toBe(403)
  })
})

describe('the nightly check', () => {
  it('makes a photo private once the photo consent of someone it shows has expired', async () => {
    const person = await participant()
    const media = await image([{ relationTo: 'participants', value: person.id }])
    const published = await story({ heroImage: media.id }, 'published')
    expect((await payload.findByID({ collection: 'media', id: media.id })).public).toBe(true)
    const expiry = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000)
    await payload.update({
      collection: 'participants',
      id: person.id,
      data: { consent: { ...writtenConsent(['name', 'photo']), expiresAt: expiry.toISOString() } },
    })
    const later = new Date(expiry.getTime() + 60 * 60 * 1000)
    const req = await requestAs(payload, null)
    expect(await refreshMediaVisibility(req, undefined, later)).toContain(media.id)
    expect((await payload.findByID({ collection: 'media', id: media.id })).public).toBe(false)
    expect((await payload.findByID({ collection: 'stories', id: published.id }))._status).toBe('published')
  })
})
