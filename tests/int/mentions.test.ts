import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { mentionsAsLinks, mentionsIn } from '@/blocks/PersonMention/mentionLinks'
import { peopleSearchUrl } from '@/lib/richText/mentions/searchPeople'
import type { Role } from '@/lib/roles'
import { personKey, type PersonRef } from '@/privacy/content/uses'
import { type MentionChip, mentionChips, type Naming } from '@/privacy/names/mentionChips'

import { writtenConsent } from '../helpers/content'
import { rest, tokenFor } from '../helpers/http'
import { erase, mentioning } from '../helpers/people'
import { createStaff, requestAs, startPayload, stopPayload } from '../helpers/payload'

/**
 * The story editor's person mentions: each chip shows her current public name, read as the member
 * of staff, and whether the site will name her, worked out by the site's own rule (mayBeNamed) and
 * told only to staff who are told about consent. One declared table of people, checked for every
 * role; then the REST query the `@` search makes, and the version comparison's links.
 */
const day = 24 * 60 * 60 * 1000
const from = (ms: number) => new Date(Date.now() + ms).toISOString()
const publicRole = { holds: true, basis: 'Program coordinator, named in the annual report.' }

type Person = {
  state: string
  collection: PersonRef['collection']
  data: Record<string, unknown>
  erased?: boolean
  /** What editors are told; safeguarding staff and admins are told the same, `endsSoon` aside. */
  naming: Naming
  /** What safeguarding staff and admins are told, when it differs. */
  keeperNaming?: Naming
}

const people: Person[] = [
  { state: 'a leader agreed to be named', collection: 'leaders', data: { consent: writtenConsent() }, naming: 'named' },
  { state: 'a participant with no consent', collection: 'participants', data: {}, naming: 'noConsent' },
  {
    state: 'a participant who withdrew',
    collection: 'participants',
    data: { consent: { ...writtenConsent(), withdrawnAt: from(-day) } },
    naming: 'withdrawn',
  },
  {
    state: 'a participant whose consent expired',
    collection: 'participants',
    data: { consent: { ...writtenConsent(), expiresAt: from(-day) } },
    naming: 'expired',
  },
  {
    state: 'a participant whose consent starts next week',
    collection: 'participants',
    data: { consent: { ...writtenConsent(), givenAt: from(7 * day) } },
    naming: 'notYetValid',
  },
  {
    state: 'a participant who agreed to photos only',
    collection: 'participants',
    data: { consent: writtenConsent(['photo']) },
    naming: 'scopeMissing',
  },
  {
    state: 'a participant whose consent ends in ten days',
    collection: 'participants',
    data: { consent: { ...writtenConsent(), expiresAt: from(10 * day) } },
    naming: 'named',
    keeperNaming: 'endsSoon',
  },
  {
    state: 'a leader with a public role and no consent',
    collection: 'leaders',
    data: { publicRole },
    naming: 'named',
  },
  {
    state: 'a leader with a public role whose consent ends in ten days',
    collection: 'leaders',
    data: { publicRole, consent: { ...writtenConsent(), expiresAt: from(10 * day) } },
    naming: 'named',
  },
  {
    state: 'an erased participant',
    collection: 'participants',
    data: { consent: writtenConsent() },
    erased: true,
    naming: 'erased',
  },
]

const roles: Role[] = ['contributor', 'editor', 'safeguarding', 'admin']

/** What each role is told about a person's naming: contributors nothing at all. */
function expectedNaming(role: Role, person: Person): Naming | undefined {
  if (role === 'contributor') return undefined
  if (role === 'editor') return person.naming
  return person.keeperNaming ?? person.naming
}

let payload: Payload
const staff = {} as Record<Role, User>
const refs: PersonRef[] = []
const names: string[] = []

beforeAll(async () => {
  payload = await startPayload()
  for (const role of roles) staff[role] = await createStaff(payload, role)
  const keeper = await requestAs(payload, staff.safeguarding)
  for (const [i, person] of people.entries()) {
    const publicName = `Person ${i} ${person.state}`
    const doc = await payload.create({
      collection: person.collection,
      data: {
        publicName,
        ...(person.collection === 'participants' ? { legalName: `Legal ${i}`, notes: `Note ${i}` } : {}),
        ...(person.collection === 'leaders' ? { realName: `Real ${i}` } : {}),
        ...person.data,
      } as never,
    })
    if (person.erased) expect((await erase(payload, person.collection, String(doc.id), keeper)).status).toBe(200)
    refs.push({ collection: person.collection, id: String(doc.id) })
    names.push(publicName)
  }
})

afterAll(() => stopPayload(payload))

describe('a mention chip, by role and by the state of her consent', () => {
  it('tells each role her public name, and only staff told about consent whether the site will name her', async () => {
    for (const role of roles) {
      const chips = await mentionChips(refs, await requestAs(payload, staff[role]))
      const seen = people.map((person, i) => chips.get(personKey(refs[i]!)))
      const expected = people.map((person, i): MentionChip => {
        const naming = expectedNaming(role, person)
        return { collection: person.collection, name: names[i]!, ...(naming ? { naming } : {}) }
      })
      expect(seen, role).toEqual(expected)
    }
  })

  it('visitors are told nothing', async () => {
    expect((await mentionChips(refs, await requestAs(payload, null))).size).toBe(0)
  })

  it('reading chips leaves nothing in the audit log: no private value is handed to anyone', async () => {
    const before = await payload.count({ collection: 'audit-log' })
    await mentionChips(refs, await requestAs(payload, staff.safeguarding))
    expect((await payload.count({ collection: 'audit-log' })).totalDocs).toBe(before.totalDocs)
  })
})

describe('a mention chip follows the person', () => {
  it('shows her new public name once she is renamed, in the language being edited', async () => {
    const leader = await payload.create({
      collection: 'leaders',
      data: { publicName: 'Kalampar', consent: writtenConsent() },
    })
    const ref: PersonRef = { collection: 'leaders', id: String(leader.id) }
    const editor = await requestAs(payload, staff.editor)
    expect((await mentionChips([ref], editor)).get(personKey(ref))?.name).toBe('Kalampar')

    await payload.update({ collection: 'leaders', id: leader.id, data: { publicName: 'Kalampar Nurlanovna' } })
    await payload.update({ collection: 'leaders', id: leader.id, locale: 'ru', data: { publicName: 'Калампар' } })
    expect((await mentionChips([ref], editor)).get(personKey(ref))?.name).toBe('Kalampar Nurlanovna')
    expect((await mentionChips([ref], editor, new Date(), 'ru')).get(personKey(ref))?.name).toBe('Калампар')
  })

  it('says she is no longer on file once she is deleted', async () => {
    const participant = await payload.create({ collection: 'participants', data: { publicName: 'Gone soon' } })
    const ref: PersonRef = { collection: 'participants', id: String(participant.id) }
    await payload.delete({ collection: 'participants', id: participant.id })
    const chips = await mentionChips([ref], await requestAs(payload, staff.admin))
    expect(chips.get(personKey(ref))).toEqual({ collection: 'participants', name: null })
  })
})

describe('the `@` search reads public names through REST as the signed-in member of staff', () => {
  const privateKeys = ['legalName', 'realName', 'notes', 'consent', 'publicRole', 'erasedAt']

  it('a contributor gets IDs and public names only, of leaders and participants alike', async () => {
    const token = await tokenFor(payload, staff.contributor.email)
    for (const collection of ['leaders', 'participants'] as const) {
      const response = await rest('GET', peopleSearchUrl('/api', collection, 'person'), { token })
      expect(response.status).toBe(200)
      const { docs } = (await response.json()) as { docs: Array<Record<string, unknown>> }
      const expected = people.filter((p) => p.collection === collection).length
      expect(docs).toHaveLength(Math.min(expected, 5))
      for (const doc of docs) {
        expect(Object.keys(doc).sort()).toEqual(['id', 'publicName'])
        for (const key of privateKeys) expect(doc).not.toHaveProperty(key)
      }
    }
  })

  it('matches a name typed in lower case, Cyrillic included', async () => {
    await payload.create({ collection: 'participants', data: { publicName: 'Айгерим' } })
    const token = await tokenFor(payload, staff.contributor.email)
    const response = await rest('GET', peopleSearchUrl('/api', 'participants', 'айг'), { token })
    const { docs } = (await response.json()) as { docs: Array<{ publicName: string }> }
    expect(docs.map((doc) => doc.publicName)).toEqual(['Айгерим'])
  })

  it('an anonymous request for participants is refused, and one for leaders sees only those the site shows', async () => {
    expect((await rest('GET', peopleSearchUrl('/api', 'participants', 'person'))).status).toBe(403)
    const response = await rest('GET', peopleSearchUrl('/api', 'leaders', 'person'))
    const { docs } = (await response.json()) as { docs: Array<Record<string, unknown>> }
    const shown = people
      .map((person, i) => ({ person, name: names[i] }))
      .filter(({ person }) => person.collection === 'leaders' && person.naming === 'named')
      .map(({ name }) => name)
    expect(docs.map((doc) => doc.publicName).sort()).toEqual(shown.sort())
    for (const doc of docs) expect(Object.keys(doc).sort()).toEqual(['id', 'publicName'])
  })
})

describe('the version comparison shows mentions by public name', () => {
  it('turns each mention into a link to her record reading her public name, and a missing one into a note', async () => {
    const [leader, participant] = [refs[0]!, refs[1]!]
    const gone = await payload.create({ collection: 'participants', data: { publicName: 'Deleted since' } })
    await payload.delete({ collection: 'participants', id: gone.id })
    const mentionOf = (id: string) => (mentioning(id).root.children[0] as { children: unknown[] }).children[0]
    const body = mentioning(leader.id, 'leaders', ' met ')
    const paragraph = body.root.children[0] as { children: unknown[] }
    paragraph.children.push(mentionOf(participant.id), mentionOf(String(gone.id)))
    const chips = await mentionChips(mentionsIn(body), await requestAs(payload, staff.contributor))
    const shown = mentionsAsLinks(body, chips, 'No longer on file')
    const nodes = (shown.root.children[0] as { children: Array<Record<string, unknown>> }).children
    expect(nodes.map((node) => node.type)).toEqual(['link', 'text', 'link', 'text'])
    expect(nodes[0]).toMatchObject({
      fields: { linkType: 'internal', doc: { relationTo: 'leaders', value: { id: leader.id } } },
      children: [{ type: 'text', text: names[0] }],
    })
    expect(nodes[2]).toMatchObject({ children: [{ type: 'text', text: names[1] }] })
    expect(nodes[3]).toMatchObject({ type: 'text', text: 'No longer on file' })
    // The stored body is untouched.
    expect((body.root.children[0] as { children: Array<{ type: string }> }).children[0]!.type).toBe('inlineBlock')
  })
})
