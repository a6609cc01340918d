import type { CollectionConfig } from 'payload'
import path from 'node:path'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { isEditor } from '@/access/isEditor'
import { isEditorOrUploader } from '@/access/isEditorOrUploader'
import { isWriter } from '@/access/isWriter'
import { revalidateCollection } from '@/hooks/revalidatePublicSite'
import { dataDir } from '@/lib/env'
import { cacheTags } from '@/lib/site/cacheTags'

import { uploadedByField } from './fields/uploadedBy'
import { anonymiseFilename } from './hooks/anonymiseFilename'
import { generateBlurPlaceholder } from './hooks/generateBlurPlaceholder'

const revalidateMedia = revalidateCollection(cacheTags.media)

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { en: 'Media item', ru: 'Медиафайл' }, plural: { en: 'Media', ru: 'Медиафайлы' } },
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
    update: isEditorOrUploader,
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
      label: { en: 'Alt text', ru: 'Альтернативный текст' },
      required: true,
      localized: true,
      admin: {
        description: {
          en: 'Describe what the image shows for people who cannot see it. Never name or describe anyone in a way that identifies her.',
          ru: 'Опишите, что на изображении, для тех, кто его не видит. Никогда не называйте и не описывайте человека так, чтобы её можно было узнать.',
        },
      },
    },
    {
      name: 'caption',
      type: 'textarea',
      label: { en: 'Caption', ru: 'Подпись' },
      localized: true,
      admin: {
        description: { en: 'Shown under the image on the site.', ru: 'Показывается под изображением на сайте.' },
      },
    },
    {
      name: 'peopleShown',
      type: 'relationship',
      relationTo: ['participants', 'leaders'],
      hasMany: true,
      label: { en: 'People shown', ru: 'Кто на снимке' },
      // Who appears in a photo is private: the public never learns it.
      access: { read: authenticated },
      admin: {
        description: {
          en: 'Everyone recognisable in this image. A story can only use it once each of them has agreed to photos.',
          ru: 'Все, кого можно узнать на снимке. История сможет его использовать, только когда каждая согласится на фото.',
        },
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
      label: { en: 'Credit', ru: 'Источник' },
      admin: {
        description: {
          en: 'Photographer or source, e.g. "Photo: WEP Almaty".',
          ru: 'Фотограф или источник, например «Фото: WEP Алматы».',
        },
      },
    },
    uploadedByField,
  ],
}
