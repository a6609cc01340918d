import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canAccessPrivateData } from '@/access/canAccessPrivateData'
import { hasAnyRole } from '@/access/hasAnyRole'
import { isEditor, isEditorField } from '@/access/isEditor'
import { revalidateCollection } from '@/hooks/revalidatePublicSite'
import { cacheTags } from '@/lib/site/cacheTags'
import { consentField } from '@/fields/consent'
import { erasureFields } from '@/fields/erasure'
import { privateField } from '@/fields/privateField'
import { auditPrivateData } from '@/hooks/auditPrivateData'
import { protectPeopleInStories } from '@/hooks/protectPeopleInStories'

import { eraseEndpoint } from '../Participants/endpoints/erase'

const audit = auditPrivateData('leaders', ['realName', 'consent'])

const revalidateLeaders = revalidateCollection(cacheTags.leaders)

/** A leader's public profile is the editors' to write; safeguarding staff's changes to it are ignored. */
const editorsWrite = { create: isEditorField, update: isEditorField }

export const Leaders: CollectionConfig = {
  slug: 'leaders',
  labels: { singular: 'Leader', plural: 'Leaders' },
  admin: {
    useAsTitle: 'publicName',
    defaultColumns: ['publicName', 'role', 'programs', 'updatedAt'],
    listSearchableFields: ['publicName', 'role'],
    group: 'People',
    description: 'The people who run groups. The site only ever shows their public name.',
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
    afterRead: [audit.afterRead],
    afterChange: [revalidateLeaders.afterChange, protectPeopleInStories('leaders'), audit.afterChange],
    afterDelete: [revalidateLeaders.afterDelete, audit.afterDelete],
  },
  endpoints: [eraseEndpoint('leaders', 'realName')],
  fields: [
    {
      name: 'publicName',
      access: editorsWrite,
      type: 'text',
      label: 'Public name',
      required: true,
      localized: true,
      admin: { description: 'The name shown on the site. Often a pseudonym, for her safety.' },
    },
    privateField(
      { name: 'realName', type: 'text', label: 'Real name' },
      'Her legal name, for the organisation’s records.',
    ),
    {
      name: 'role',
      access: editorsWrite,
      type: 'text',
      label: 'Role',
      localized: true,
      admin: { description: 'e.g. "Group leader" or "Program coordinator".' },
    },
    {
      name: 'programs',
      access: editorsWrite,
      type: 'relationship',
      relationTo: 'programs',
      hasMany: true,
      label: 'Programs',
      admin: { description: 'The programs she leads or helps run.' },
    },
    { name: 'bio', type: 'richText', label: 'Bio', localized: true, access: editorsWrite },
    { name: 'photo', type: 'upload', relationTo: 'media', label: 'Photo', access: editorsWrite },
    consentField,
    ...erasureFields,
  ],
}
