import type { CollectionConfig } from 'payload'

import { authenticated } from '@/access/authenticated'
import { canAccessPrivateData } from '@/privacy/access/canAccessPrivateData'
import { consentField } from '@/privacy/consent/consentField'
import { erasureFields } from '@/privacy/erasure/erasureFields'
import { privateField } from '@/privacy/privateField'
import { auditPrivateData } from '@/privacy/audit/auditPrivateData'
import { refreshMediaOfPerson } from '@/privacy/media/hooks'
import { protectPeopleInStories } from '@/privacy/takedown/protectPeopleInStories'

import { eraseEndpoint } from '@/privacy/erasure/eraseEndpoint'

const audit = auditPrivateData('participants')

/**
 * The women in the groups: the most sensitive data in Voices. Anonymous visitors cannot read
 * this collection at all; staff pick participants by public name, and only safeguarding staff
 * and admins see legal names and notes.
 */
export const Participants: CollectionConfig = {
  slug: 'participants',
  labels: { singular: { en: 'Participant', ru: 'Участница' }, plural: { en: 'Participants', ru: 'Участницы' } },
  admin: {
    useAsTitle: 'publicName',
    defaultColumns: ['publicName', 'program', 'updatedAt'],
    // Public names only: searching on a private field would let anyone test a guess against it.
    listSearchableFields: ['publicName'],
    group: 'People',
    description: {
      en: 'Women taking part in programs. Stories only ever show their public name (pseudonym).',
      ru: 'Женщины, участвующие в программах. Истории показывают только их публичное имя (псевдоним).',
    },
  },
  defaultSort: 'publicName',
  access: {
    // Editors and contributors pick participants by public name; safeguarding staff manage them.
    create: canAccessPrivateData,
    delete: canAccessPrivateData,
    read: authenticated,
    readVersions: authenticated,
    update: canAccessPrivateData,
  },
  hooks: {
    afterOperation: [audit.afterOperation],
    afterChange: [protectPeopleInStories('participants'), refreshMediaOfPerson('participants'), audit.afterChange],
    afterDelete: [audit.afterDelete],
  },
  endpoints: [eraseEndpoint('participants', 'legalName')],
  fields: [
    {
      name: 'publicName',
      type: 'text',
      label: { en: 'Public name (pseudonym)', ru: 'Публичное имя (псевдоним)' },
      required: true,
      localized: true,
      admin: {
        description: {
          en: 'The only name the site shows. Choose one that cannot identify her.',
          ru: 'Единственное имя, которое показывает сайт. Выберите такое, по которому её нельзя узнать.',
        },
      },
    },
    privateField(
      { name: 'legalName', type: 'text', label: { en: 'Legal name', ru: 'Имя по документам' } },
      { en: 'Her name as on her documents.', ru: 'Её имя, как в документах.' },
    ),
    {
      name: 'program',
      type: 'relationship',
      relationTo: 'programs',
      label: { en: 'Program', ru: 'Программа' },
    },
    privateField(
      { name: 'notes', type: 'textarea', label: { en: 'Private notes', ru: 'Закрытые заметки' } },
      {
        en: 'Context for safeguarding staff, e.g. what must never be mentioned.',
        ru: 'Контекст для службы защиты, например о чём никогда нельзя упоминать.',
      },
    ),
    consentField,
    ...erasureFields,
  ],
}
