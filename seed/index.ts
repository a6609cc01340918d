import type { CollectionSlug, Payload, RequestContext } from 'payload'

import { suggestedSlugs } from '@/fields/slug'
import type { Locale } from '@/lib/locales'
import type { SignOffContext } from '@/privacy/publishing/signOff'

import { getInvolved } from './content/getInvolved'
import { navigation, siteSettings } from './content/settings'
import { leaders, participants } from './content/people'
import { wepProgram } from './content/program'
import { FIGURE, PROGRAM_LINK, stories } from './content/stories'
import { tags } from './content/tags'
import type { Localized, LocalizedBody } from './content/types'
import { drawIllustration } from './images'
import { type Block, richText } from './richText'

export type AdminLogin = { email: string; password: string }

export type SeedSummary = {
  programs: number
  leaders: number
  participants: number
  stories: number
  media: number
}

const otherLocales: Locale[] = ['ru', 'kk']

/** Collections whose contents `--reset` removes, children before the documents they point to. */
const resettable: CollectionSlug[] = ['stories', 'participants', 'leaders', 'programs', 'tags', 'media', 'users']

/** True when nothing has been written yet: seeding never runs over an existing database. */
export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  for (const collection of resettable) {
    const { totalDocs } = await payload.count({ collection, overrideAccess: true })
    if (totalDocs > 0) return false
  }
  return true
}

export async function resetDatabase(payload: Payload): Promise<void> {
  for (const collection of resettable) {
    // Deleting through Payload (not SQL) also removes uploaded files and version history.
    await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true })
  }
}

/** The localized values of a field for one locale, or undefined when not translated. */
function pick<T extends Localized | LocalizedBody>(value: T, locale: Locale): T['en'] | undefined {
  return value[locale]
}

export async function seed(payload: Payload, admin: AdminLogin): Promise<SeedSummary> {
  // The demo slugs are suggestions: one already taken gets the next free number, never an error.
  const context = { disableRevalidate: true, ...suggestedSlugs }

  const adminUser = await payload.create({
    collection: 'users',
    data: { email: admin.email, password: admin.password, name: 'Demo admin', role: 'admin' },
    context,
  })

  const tagIds = new Map<string, string>()
  for (const tag of tags) {
    const doc = await payload.create({
      collection: 'tags',
      data: { name: tag.name.en, slug: tag.slug },
      locale: 'en',
      context,
    })
    tagIds.set(tag.key, doc.id)
    for (const locale of otherLocales) {
      const name = pick(tag.name, locale)
      if (name) await payload.update({ collection: 'tags', id: doc.id, data: { name }, locale, context })
    }
  }

  const programImage = await createImage(payload, {
    name: 'program-almaty',
    palette: ['#f6e7d3', '#a4472b', '#fffaf2'],
    motif: 'circle',
    alt: {
      en: 'Illustration: warm terracotta and cream circles gathered in a ring.',
      ru: 'Иллюстрация: терракотовые и кремовые круги, собранные в кольцо.',
      kk: 'Иллюстрация: сақинаға жиналған терракота және крем түсті шеңберлер.',
    },
  })

  const program = await payload.create({
    collection: 'programs',
    locale: 'en',
    context,
    data: {
      _status: 'published',
      name: wepProgram.name.en,
      slug: wepProgram.slug,
      summary: wepProgram.summary.en,
      description: richText(...wepProgram.description.en),
      location: wepProgram.location.en,
      audience: wepProgram.audience.en,
      meetingSchedule: wepProgram.meetingSchedule.en,
      lessonTopics: wepProgram.lessonTopics.map(({ topic, description }) => ({
        topic: topic.en,
        description: description.en,
      })),
      impactFigures: wepProgram.impactFigures.map(({ value, label }) => ({ value, label: label.en })),
      heroImage: programImage,
      status: 'active',
    },
  })
  for (const locale of otherLocales) {
    const description = pick(wepProgram.description, locale)
    await payload.update({
      collection: 'programs',
      id: program.id,
      locale,
      context,
      data: {
        _status: 'published',
        name: pick(wepProgram.name, locale),
        summary: pick(wepProgram.summary, locale),
        description: description ? richText(...description) : undefined,
        location: pick(wepProgram.location, locale),
        audience: pick(wepProgram.audience, locale),
        meetingSchedule: pick(wepProgram.meetingSchedule, locale),
        // Array rows keep their IDs across locales, so translations attach to the same rows.
        lessonTopics: program.lessonTopics?.map((row, i) => ({
          id: row.id,
          topic: pick(wepProgram.lessonTopics[i]!.topic, locale) ?? row.topic,
          description: pick(wepProgram.lessonTopics[i]!.description, locale) ?? row.description,
        })),
        impactFigures: program.impactFigures?.map((row, i) => ({
          id: row.id,
          value: row.value,
          label: pick(wepProgram.impactFigures[i]!.label, locale) ?? row.label,
        })),
      },
    })
  }

  const leaderIds = new Map<string, string>()
  for (const [i, leader] of leaders.entries()) {
    // Leaders are shown by an illustration, never a photograph, in the demo.
    const photo = await createImage(payload, {
      name: `leader-${leader.key}`,
      palette: i % 2 ? ['#e6f0f7', '#2b5d8a', '#f7fbff'] : ['#fbeee0', '#b5562f', '#fff7ea'],
      motif: 'sun',
      alt: {
        en: `Illustration standing in for ${leader.publicName.en}’s photo: a sun over a soft horizon.`,
        ru: `Иллюстрация вместо фотографии: солнце над мягким горизонтом.`,
        kk: `Фотосурет орнындағы иллюстрация: жұмсақ көкжиек үстіндегі күн.`,
      },
    })
    const doc = await payload.create({
      collection: 'leaders',
      locale: 'en',
      context,
      data: {
        publicName: leader.publicName.en,
        realName: leader.realName,
        consent: { ...leader.consent, recordedBy: adminUser.id },
        publicRole: leader.publicRole,
        role: leader.role.en,
        programs: [program.id],
        bio: richText(...leader.bio.en),
        photo,
      },
    })
    leaderIds.set(leader.key, doc.id)
    await translate(payload, 'leaders', doc.id, (locale) => {
      const bio = pick(leader.bio, locale)
      return {
        publicName: pick(leader.publicName, locale),
        role: pick(leader.role, locale),
        bio: bio ? richText(...bio) : undefined,
      }
    })
  }

  const participantIds = new Map<string, string>()
  for (const participant of participants) {
    const doc = await payload.create({
      collection: 'participants',
      locale: 'en',
      context,
      data: {
        publicName: participant.publicName.en,
        legalName: participant.legalName,
        notes: participant.notes,
        consent: { ...participant.consent, recordedBy: adminUser.id },
        program: program.id,
      },
    })
    participantIds.set(participant.key, doc.id)
    await translate(payload, 'participants', doc.id, (locale) => ({
      publicName: pick(participant.publicName, locale),
    }))
  }

  const authorId = adminUser.id
  // The demo stories went through review: the demo admin, who holds safeguarding's rights too,
  // signed off each one, in every language.
  const signedOff: RequestContext & SignOffContext = {
    ...context,
    signOff: { by: String(adminUser.id), name: 'Demo admin' },
  }
  let media = 1 + leaders.length
  for (const story of stories) {
    const heroImage = await createImage(payload, story.image)
    media += 1
    const figure = story.figure ? await createImage(payload, story.figure) : null
    if (figure) media += 1
    // Put the real IDs where the demo prose links to the program, names people or shows its figure.
    const personIds = (text: string) =>
      text
        .replace(/\{\{participants:(\w+)\}\}/g, (_, key: string) => `{{participants:${participantIds.get(key)}}}`)
        .replace(/\{\{leaders:(\w+)\}\}/g, (_, key: string) => `{{leaders:${leaderIds.get(key)}}}`)
    const withIds = (blocks: Block[]): Block[] =>
      blocks.map((block) => {
        if (typeof block === 'string') return personIds(block.replaceAll(PROGRAM_LINK, `programs:${program.id}`))
        if ('image' in block && block.image === FIGURE && figure) return { image: figure }
        if ('pullQuote' in block && block.speaker) return { ...block, speaker: personIds(block.speaker) }
        return block
      })
    const doc = await payload.create({
      collection: 'stories',
      locale: 'en',
      context: signedOff,
      data: {
        _status: 'published',
        reviewStatus: 'approved',
        title: story.title.en,
        slug: story.slug,
        excerpt: story.excerpt?.en,
        body: richText(...withIds(story.body.en)),
        heroImage,
        program: program.id,
        featuredLeaders: story.leaders.map((key) => leaderIds.get(key)!),
        featuredParticipants: story.participants.map((key) => participantIds.get(key)!),
        tags: story.tags.map((key) => tagIds.get(key)!),
        publishedAt: story.publishedAt,
        author: authorId,
      },
    })
    await translate(
      payload,
      'stories',
      doc.id,
      (locale) => {
        const title = pick(story.title, locale)
        const body = pick(story.body, locale)
        // A story is translated only when both its title and body are.
        if (!title || !body) return {}
        return {
          _status: 'published',
          title,
          body: richText(...withIds(body)),
          excerpt: pick(story.excerpt ?? { en: '' }, locale),
        }
      },
      signedOff,
    )
  }

  await payload.updateGlobal({
    slug: 'site-settings',
    locale: 'en',
    context,
    data: {
      organisationName: siteSettings.organisationName.en,
      tagline: siteSettings.tagline.en,
      mission: siteSettings.mission.en,
      trustStatement: siteSettings.trustStatement.en,
      shareImage: await createImage(payload, siteSettings.shareImage),
      contactEmail: siteSettings.contactEmail,
      socialLinks: siteSettings.socialLinks,
    },
  })
  for (const locale of otherLocales) {
    await payload.updateGlobal({
      slug: 'site-settings',
      locale,
      context,
      data: {
        organisationName: pick(siteSettings.organisationName, locale),
        tagline: pick(siteSettings.tagline, locale),
        mission: pick(siteSettings.mission, locale),
        trustStatement: pick(siteSettings.trustStatement, locale),
      },
    })
  }

  await seedGetInvolved(payload)

  const nav = await payload.updateGlobal({
    slug: 'navigation',
    locale: 'en',
    context,
    data: {
      header: navigation.header.map(({ label, path }) => ({ label: label.en, path })),
      footer: navigation.footer.map(({ label, path }) => ({ label: label.en, path })),
    },
  })
  for (const locale of otherLocales) {
    await payload.updateGlobal({
      slug: 'navigation',
      locale,
      context,
      data: {
        header: nav.header?.map((row, i) => ({
          ...row,
          label: pick(navigation.header[i]!.label, locale) ?? row.label,
        })),
        footer: nav.footer?.map((row, i) => ({
          ...row,
          label: pick(navigation.footer[i]!.label, locale) ?? row.label,
        })),
      },
    })
  }

  return {
    programs: 1,
    leaders: leaders.length,
    participants: participants.length,
    stories: stories.length,
    // The default share image as well.
    media: media + 1,
  }
}

/** The Get involved settings in every language; array rows keep their IDs across locales. */
async function seedGetInvolved(payload: Payload): Promise<void> {
  const context = { disableRevalidate: true }
  const { storyCta, waysToHelp, currencies } = getInvolved
  const written = await payload.updateGlobal({
    slug: 'get-involved',
    locale: 'en',
    context,
    data: {
      storyCta: {
        heading: storyCta.heading.en,
        text: storyCta.text.en,
        buttonLabel: storyCta.buttonLabel.en,
        target: storyCta.target,
      },
      donationUrlTemplate: getInvolved.donationUrlTemplate,
      donationUrl: getInvolved.donationUrl,
      currencies: currencies.en,
      waysToHelp: waysToHelp.map(({ kind, icon, title, text, linkLabel, link }) => ({
        kind,
        icon,
        title: title.en,
        text: text.en,
        linkLabel: linkLabel.en,
        link,
      })),
    },
  })
  for (const locale of otherLocales) {
    await payload.updateGlobal({
      slug: 'get-involved',
      locale,
      context,
      data: {
        storyCta: {
          heading: pick(storyCta.heading, locale),
          text: pick(storyCta.text, locale),
          buttonLabel: pick(storyCta.buttonLabel, locale),
          target: storyCta.target,
        },
        currencies: currencies[locale as 'ru' | 'kk'],
        waysToHelp: written.waysToHelp?.map((row, i) => ({
          ...row,
          title: pick(waysToHelp[i]!.title, locale) ?? row.title,
          text: pick(waysToHelp[i]!.text, locale) ?? row.text,
          linkLabel: pick(waysToHelp[i]!.linkLabel, locale) ?? row.linkLabel,
        })),
      },
    })
  }
}

async function translate(
  payload: Payload,
  collection: 'leaders' | 'participants' | 'stories',
  id: string,
  values: (locale: Locale) => Record<string, unknown>,
  context: RequestContext = { disableRevalidate: true },
): Promise<void> {
  for (const locale of otherLocales) {
    const data = Object.fromEntries(Object.entries(values(locale)).filter(([, v]) => v !== undefined))
    if (Object.keys(data).length === 0) continue
    await payload.update({ collection, id, data, locale, context })
  }
}

async function createImage(
  payload: Payload,
  image: Parameters<typeof drawIllustration>[0] & { alt: Localized; caption?: Localized },
): Promise<string> {
  const data = await drawIllustration(image)
  const doc = await payload.create({
    collection: 'media',
    locale: 'en',
    context: { disableRevalidate: true },
    data: { alt: image.alt.en, caption: image.caption?.en, credit: 'Illustration: Voices demo' },
    file: { data, mimetype: 'image/jpeg', name: `${image.name}.jpg`, size: data.length },
  })
  for (const locale of otherLocales) {
    const alt = pick(image.alt, locale)
    const caption = image.caption ? pick(image.caption, locale) : undefined
    if (alt || caption) {
      await payload.update({
        collection: 'media',
        id: doc.id,
        locale,
        data: { alt, caption },
        context: { disableRevalidate: true },
      })
    }
  }
  return doc.id
}
