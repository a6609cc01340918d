import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canAccessPrivateData } from '@/privacy/access/canAccessPrivateData'
import { hasAnyRole } from '@/access/hasAnyRole'
import { isEditor, isEditorField } from '@/access/isEditor'
import { revalidateCollection } from '@/hooks/revalidatePublicSite'
import { cacheTags } from '@/lib/site/cacheTags'
import { consentField } from '@/privacy/consent/consentField'
import { erasureFields } from '@/privacy/erasure/erasureFields'
import { privateField } from '@/privacy/privateField'
import { auditPrivateData } from '@/privacy/audit/auditPrivateData'
import { protectPeopleInStories } from '@/privacy/takedown/protectPeopleInStories'

import { eraseEndpoint } from '@/privacy/erasure/eraseEndpoint'

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
    // Leaders' public profiles appear on program pages; private fields are closed below.
    read: anyone,
    update: hasAnyRole('admin', 'editor', 'safeguarding'),
  },
  hooks: {
    afterOperation: [audit.afterOperation],
    afterChange: [revalidateLeaders.afterChange, protectPeopleInStories('leaders'), audit.afterChange],
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
    { name: 'photo', type: 'upload', relationTo: 'media', label: { en: 'Photo', ru: 'Фото' }, access: editorsWrite },
    consentField,
    ...erasureFields,
  ],
}
