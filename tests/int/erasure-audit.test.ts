import type { Payload, PayloadRequest } from 'payload'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStory, writtenConsent } from '../helpers/content'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

let payload: Payload

/** A photographed consent form stands in for real evidence. */
const scannedForm = () =>
  sharp({ create: { width: 60, height: 80, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer()

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(() => stopPayload(payload))

/** Calls POST /api/participants/:id/erase the way Payload's router would. */
async function erase(id: string, req: PayloadRequest): Promise<Response> {
  const endpoint = payload.collections.participants.config.endpoints
    ? (
        payload.collections.participants.config.endpoints as Array<{
          path: string
          handler: (req: PayloadRequest) => Promise<Response>
        }>
      ).find((e) => e.path === '/:id/erase')
    : undefined
  req.routeParams = { id }
  return endpoint!.handler(req)
}

function mentioning(id: string) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: [
        {
          type: 'paragraph',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          textFormat: 0,
          textStyle: '',
          children: [
            {
              type: 'inlineBlock',
              version: 1,
              fields: {
                id: 'm1',
                blockName: '',
                blockType: 'personMention',
                person: { relationTo: 'participants', value: id },
              },
            },
            { type: 'text', text: ' told her story.', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
          ],
        },
      ],
    },
  }
}

describe('erasure', () => {
  it('removes her private data and evidence, and stories that mentioned her read a neutral phrase', async () => {
    const safeguarding = await createStaff(payload, 'safeguarding')
    const scan = await scannedForm()
    const evidence = await payload.create({
      collection: 'consent-evidence',
      data: { note: 'Signed form' },
      file: { data: scan, mimetype: 'image/png', name: 'form.png', size: scan.length },
    })
    const person = await payload.create({
      collection: 'participants',
      data: {
        publicName: 'Saule',
        legalName: 'Erasable Legal Name',
        notes: 'Erasable note',
        consent: { ...writtenConsent(['name']), evidence: evidence.id },
      },
    })
    const story = await createStory(payload, { body: mentioning(person.id) as never })
    expect(story.excerpt).toBe('Saule told her story.')

    const response = await erase(person.id, await requestAs(payload, safeguarding))
    expect(response.status).toBe(200)

    const after = await payload.findByID({ collection: 'participants', id: person.id })
    expect(after.legalName ?? null).toBeNull()
    expect(after.notes ?? null).toBeNull()
    expect(after.consent?.status).toBe('none')
    expect(after.erasedAt).toBeTruthy()
    expect(
      (await payload.count({ collection: 'consent-evidence', where: { id: { equals: evidence.id } } })).totalDocs,
    ).toBe(0)

    const stored = await payload.findByID({ collection: 'stories', id: story.id })
    expect(stored._status).toBe('published')
    expect(stored.excerpt).toBe('a participant told her story.')
    // Rewritten in place: the history keeps its one version, which reads the neutral phrase too.
    const versions = await payload.findVersions({ collection: 'stories', where: { parent: { equals: story.id } } })
    expect(versions.totalDocs).toBe(1)
    expect(versions.docs[0]?.version.excerpt).toBe('a participant told her story.')
  })

  it('is refused to editors, with nothing changed', async () => {
    const person = await payload.create({
      collection: 'participants',
      data: { publicName: 'Kept', legalName: 'Kept Legal Name' },
    })
    const editor = await createStaff(payload, 'editor')
    await expect(erase(person.id, await requestAs(payload, editor))).rejects.toThrow(
      /Only safeguarding staff and admins/,
    )
    expect((await payload.findByID({ collection: 'participants', id: person.id })).legalName).toBe('Kept Legal Name')
  })
})

describe('consent evidence', () => {
  it('is closed to everyone but safeguarding staff and admins', async () => {
    const scan = await scannedForm()
    const doc = await payload.create({
      collection: 'consent-evidence',
      data: {},
      file: { data: scan, mimetype: 'image/png', name: 'dana-signed.png', size: scan.length },
    })
    expect(doc.filename).not.toMatch(/dana/)
    await expect(
      payload.findByID({ collection: 'consent-evidence', id: doc.id, overrideAccess: false, user: null }),
    ).rejects.toThrow()
    for (const role of ['editor', 'contributor'] as const) {
      const req = await requestAs(payload, await createStaff(payload, role))
      await expect(
        payload.findByID({ collection: 'consent-evidence', id: doc.id, overrideAccess: false, req }),
      ).rejects.toThrow()
    }
  })
})

describe('the audit log', () => {
  it('records who read and who changed private fields, and cannot be edited or deleted', async () => {
    const safeguarding = await createStaff(payload, 'safeguarding')
    const req = await requestAs(payload, safeguarding)
    const person = await payload.create({
      collection: 'participants',
      data: { publicName: 'Audited', legalName: 'Audited Legal' },
      overrideAccess: false,
      req,
    })
    await payload.findByID({
      collection: 'participants',
      id: person.id,
      overrideAccess: false,
      req: await requestAs(payload, safeguarding),
    })
    await payload.update({
      collection: 'participants',
      id: person.id,
      data: { notes: 'Changed note' },
      overrideAccess: false,
      req: await requestAs(payload, safeguarding),
    })
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { document: { equals: person.id } },
      sort: 'at',
      limit: 50,
    })
    const actions = docs.map((d) => d.action)
    expect(actions).toEqual(expect.arrayContaining(['create', 'read', 'update']))
    const update = docs.find((d) => d.action === 'update')
    expect(update?.fields).toEqual(['notes'])
    expect(typeof update?.user === 'object' ? update.user?.id : update?.user).toBe(safeguarding.id)

    const adminReq = await requestAs(payload, await createStaff(payload, 'admin'))
    await expect(
      payload.update({
        collection: 'audit-log',
        id: docs[0]!.id,
        data: { action: 'read' },
        overrideAccess: false,
        req: adminReq,
      }),
    ).rejects.toThrow(/not allowed/i)
    await expect(
      payload.delete({ collection: 'audit-log', id: docs[0]!.id, overrideAccess: false, req: adminReq }),
    ).rejects.toThrow(/not allowed/i)
    const editorReq = await requestAs(payload, await createStaff(payload, 'editor'))
    await expect(payload.find({ collection: 'audit-log', overrideAccess: false, req: editorReq })).rejects.toThrow(
      /not allowed/i,
    )
  })

  it('does not log editors reading participants (they never see private fields)', async () => {
    const person = await payload.create({
      collection: 'participants',
      data: { publicName: 'Quiet', legalName: 'Quiet Legal' },
    })
    const editor = await createStaff(payload, 'editor')
    await payload.findByID({
      collection: 'participants',
      id: person.id,
      overrideAccess: false,
      req: await requestAs(payload, editor),
    })
    const { totalDocs } = await payload.count({ collection: 'audit-log', where: { document: { equals: person.id } } })
    expect(totalDocs).toBe(0)
  })
})
