import type { CollectionConfig } from 'payload'

import { authenticated } from '@/access/authenticated'
import { canAccessPrivateData } from '@/access/canAccessPrivateData'
import { consentField } from '@/fields/consent'
import { erasureFields } from '@/fields/erasure'
import { privateField } from '@/fields/privateField'
import { auditPrivateData } from '@/hooks/auditPrivateData'
import { protectPeopleInStories } from '@/hooks/protectPeopleInStories'

import { eraseEndpoint } from './endpoints/erase'

const audit = auditPrivateData('participants', ['legalName', 'notes', 'consent'])

/**
 * The women in the groups: the most sensitive data in Voices. Anonymous visitors cannot read
 * this collection at all; staff pick participants by public name, and only safeguarding staff
 * and admins see legal names and notes.
 */
export const Participants: CollectionConfig = {
  slug: 'participants',
  labels: { singular: 'Participant', plural: 'Participants' },
  admin: {
    useAsTitle: 'publicName',
    defaultColumns: ['publicName', 'program', 'updatedAt'],
    // Public names only: searching on a private field would let anyone test a guess against it.
    listSearchableFields: ['publicName'],
    group: 'People',
    description: 'Women taking part in programs. Stories only ever show their public name (pseudonym).',
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
    afterRead: [audit.afterRead],
    afterChange: [protectPeopleInStories('participants'), audit.afterChange],
    afterDelete: [audit.afterDelete],
  },
  endpoints: [eraseEndpoint('participants', 'legalName')],
  fields: [
    {
      name: 'publicName',
      type: 'text',
      label: 'Public name (pseudonym)',
      required: true,
      localized: true,
      admin: { description: 'The only name the site shows. Choose one that cannot identify her.' },
    },
    privateField(
      { name: 'legalName', type: 'text', label: 'Legal name' },
      'Her name as on her documents.',
    ),
    {
      name: 'program',
      type: 'relationship',
      relationTo: 'programs',
      label: 'Program',
    },
    privateField(
      { name: 'notes', type: 'textarea', label: 'Private notes' },
      'Context for safeguarding staff, e.g. what must never be mentioned.',
    ),
    consentField,
    ...erasureFields,
  ],
}
