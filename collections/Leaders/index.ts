import type { CollectionConfig } from 'payload'

import { refuseReferencesNotAllowed } from '@/lib/richText/documentReferences'
import { refuseUnsafeLinks } from '@/lib/richText/safeLinks'
import { authenticated } from '@/access/authenticated'
import { nobody } from '@/access/nobody'
import { canAccessPrivateData } from '@/privacy/access/canAccessPrivateData'
import { hasAnyRole } from '@/access/hasAnyRole'
import { isEditor, isEditorField } from '@/access/isEditor'
import { revalidateCollection } from '@/hooks/revalidatePublicSite'
import { cacheTags } from '@/lib/site/cacheTags'
import { consentField } from '@/privacy/consent/consentField'
import { erasureFields } from '@/privacy/erasure/erasureFields'
import { privateField } from '@/privacy/privateField'
import { auditPrivateData } from '@/privacy/audit/auditPrivateData'
import { refreshMediaOfPerson } from '@/privacy/media/hooks'
import { protectPeopleInStories } from '@/privacy/takedown/protectPeopleInStories'

import { eraseEndpoint } from '@/privacy/erasure/eraseEndpoint'
import { leaderPhotoShown } from '@/privacy/access/leaderPhotoShown'
import { leadersShownOrStaff } from '@/privacy/access/leadersShownOrStaff'
import { consentFactsHidden } from '@/privacy/access/consentFactsHidden'
import { keepLeaderVisibility } from '@/privacy/leaders/shownOnSite'

const audit = auditPrivateData('leaders')

const revalidateLeaders = revalidateCollection(cacheTags.leaders)

/** A leader's public profile is the editors' to write; safeguarding staff's changes to it are ignored. */
const editorsWrite = { create: isEditorField, update: isEditorField }

export const Leaders: CollectionConfig = {
  slug: 'leaders',
  labels: { singular: { en: 'Leader', ru: 'Ведущая' }, plural: { en: 'Leaders', ru: 'Ведущие' } },
  admin: {
    useAsTitle: 'publicName',
    defaultColumns: ['publicName', 'role', 'programs', 'updatedAt'],
    listSearchableFields: ['publicName', 'role'],
    group: 'People',
    description: {
      en: 'The people who run groups. The site only ever shows their public name.',
      ru: 'Те, кто ведёт группы. Сайт показывает только их публичное имя.',
    },
  },
  defaultSort: 'publicName',
  access: {
    // Editors create leaders' public profiles; safeguarding staff keep their private data and
    // consent. Each field below says which of the two may change it.
    create: isEditor,
    delete: canAccessPrivateData,
    // Leaders' public profiles appear on program pages, but only of leaders who may be named
    // there (consent or a public role); private fields are closed below.
    read: leadersShownOrStaff,
    update: hasAnyRole('admin', 'editor', 'safeguarding'),
  },
  hooks: {
    beforeChange: [refuseUnsafeLinks(['bio']), refuseReferencesNotAllowed(['bio']), keepLeaderVisibility],
    afterOperation: [audit.afterOperation],
    afterChange: [
      revalidateLeaders.afterChange,
      protectPeopleInStories('leaders'),
      refreshMediaOfPerson('leaders'),
      audit.afterChange,
    ],
    afterDelete: [revalidateLeaders.afterDelete, audit.afterDelete],
  },
  endpoints: [eraseEndpoint('leaders', 'realName')],
  fields: [
    {
      name: 'publicName',
      access: editorsWrite,
      type: 'text',
      label: { en: 'Public name', ru: 'Публичное имя' },
      required: true,
      localized: true,
      admin: {
        description: {
          en: 'The name shown on the site. Often a pseudonym, for her safety.',
          ru: 'Имя, которое показывается на сайте. Часто псевдоним — ради её безопасности.',
        },
      },
    },
    privateField(
      { name: 'realName', type: 'text', label: { en: 'Real name', ru: 'Настоящее имя' } },
      { en: 'Her legal name, for the organisation’s records.', ru: 'Её имя по документам, для учёта организации.' },
    ),
    {
      name: 'role',
      access: editorsWrite,
      type: 'text',
      label: { en: 'Role', ru: 'Роль' },
      localized: true,
      admin: {
        description: {
          en: 'e.g. "Group leader" or "Program coordinator".',
          ru: 'например «Ведущая группы» или «Координатор программы».',
        },
      },
    },
    {
      name: 'programs',
      access: editorsWrite,
      type: 'relationship',
      relationTo: 'programs',
      hasMany: true,
      label: { en: 'Programs', ru: 'Программы' },
      admin: {
        description: {
          en: 'The programs she leads or helps run.',
          ru: 'Программы, которые она ведёт или помогает вести.',
        },
      },
    },
    { name: 'bio', type: 'richText', label: { en: 'Bio', ru: 'О ней' }, localized: true, access: editorsWrite },
    {
      name: 'photo',
      type: 'upload',
      relationTo: 'media',
      label: { en: 'Photo', ru: 'Фото' },
      access: { ...editorsWrite, read: leaderPhotoShown },
      admin: {
        description: {
          en: 'Shown on the site only with her consent to photos.',
          ru: 'Показывается на сайте только с её согласия на фото.',
        },
      },
    },
    {
      name: 'publicRole',
      type: 'group',
      label: { en: 'Public role', ru: 'Публичная роль' },
      // Editors record it; any member of staff may see why she is shown; visitors never.
      access: { read: authenticated, ...editorsWrite },
      admin: {
        description: {
          en: 'A leader is shown on the site only with her consent to be named, or when she holds a public role (for example, she speaks for the program in public).',
          ru: 'Ведущая показывается на сайте только с её согласия на имя или если у неё публичная роль (например, она публично представляет программу).',
        },
      },
      fields: [
        {
          name: 'holds',
          type: 'checkbox',
          label: { en: 'She holds a public role', ru: 'У неё публичная роль' },
          defaultValue: false,
        },
        {
          name: 'basis',
          type: 'textarea',
          label: { en: 'Basis for showing her', ru: 'Основание показывать её' },
          admin: {
            condition: (_, siblingData) => Boolean(siblingData?.holds),
            description: {
              en: 'For staff only: why her role is public, e.g. "Program coordinator; named in the annual report and the press."',
              ru: 'Только для сотрудников: почему её роль публичная, например «Координатор программы; названа в годовом отчёте и в прессе».',
            },
          },
          validate: (value: string | null | undefined, { siblingData }: { siblingData: { holds?: boolean } }) =>
            !siblingData?.holds || Boolean(value?.trim()) || 'Write down the basis for showing her.',
        },
      ],
    },
    consentField,
    {
      name: 'shownOnSite',
      type: 'checkbox',
      label: { en: 'Shown on the site', ru: 'Показывается на сайте' },
      defaultValue: false,
      // Kept by Voices from her consent, public role and erasure; nobody sets it by hand.
      access: { read: consentFactsHidden, create: nobody, update: nobody },
      index: true,
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          en: 'Worked out from her consent to be named or her public role; checked again every night.',
          ru: 'Определяется по её согласию на имя или публичной роли; проверяется каждую ночь.',
        },
      },
    },
    {
      name: 'photoShown',
      type: 'checkbox',
      label: { en: 'Photo shown on the site', ru: 'Фото показывается на сайте' },
      defaultValue: false,
      access: { read: consentFactsHidden, create: nobody, update: nobody },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          en: 'Worked out from her consent to photos; checked again every night.',
          ru: 'Определяется по её согласию на фото; проверяется каждую ночь.',
        },
      },
    },
    ...erasureFields,
  ],
}
