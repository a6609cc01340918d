import type { CollectionConfig } from 'payload'
import path from 'node:path'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { isEditor } from '@/access/isEditor'
import { isWriter } from '@/access/isWriter'
import { revalidateCollection } from '@/hooks/revalidatePublicSite'
import { dataDir } from '@/lib/env'
import { cacheTags } from '@/lib/site/cacheTags'

import { anonymiseFilename } from './hooks/anonymiseFilename'
import { generateBlurPlaceholder } from './hooks/generateBlurPlaceholder'

const revalidateMedia = revalidateCollection(cacheTags.media)

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Media item', plural: 'Media' },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'credit', 'updatedAt'],
    listSearchableFields: ['alt', 'caption', 'credit'],
    group: 'Content',
  },
  defaultSort: '-createdAt',
  access: {
    create: isWriter,
    delete: isEditor,
    read: anyone,
    update: isWriter,
  },
  hooks: {
    beforeOperation: [anonymiseFilename],
    beforeChange: [generateBlurPlaceholder],
    afterChange: [revalidateMedia.afterChange],
    afterDelete: [revalidateMedia.afterDelete],
  },
  upload: {
    staticDir: path.join(dataDir(), 'media'),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    formatOptions: { format: 'webp', options: { quality: 82 } },
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 512, position: 'centre' },
      { name: 'hero', width: 1600, withoutEnlargement: true },
      // Open Graph / Twitter card size, cropped around the focal point.
      { name: 'share', width: 1200, height: 630, position: 'centre' },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: 'Alt text',
      required: true,
      localized: true,
      admin: {
        description:
          'Describe what the image shows for people who cannot see it. Never name or describe anyone in a way that identifies her.',
      },
    },
    {
      name: 'caption',
      type: 'textarea',
      label: 'Caption',
      localized: true,
      admin: { description: 'Shown under the image on the site.' },
    },
    {
      name: 'peopleShown',
      type: 'relationship',
      relationTo: ['participants', 'leaders'],
      hasMany: true,
      label: 'People shown',
      // Who appears in a photo is private: the public never learns it.
      access: { read: authenticated },
      admin: {
        description:
          'Everyone recognisable in this image. A story can only use it once each of them has agreed to photos.',
      },
    },
    {
      name: 'blurDataUrl',
      type: 'text',
      admin: { hidden: true },
    },
    {
      name: 'credit',
      type: 'text',
      label: 'Credit',
      admin: { description: 'Photographer or source, e.g. "Photo: WEP Almaty".' },
    },
  ],
}
