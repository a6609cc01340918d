import type { CollectionConfig } from 'payload'
import path from 'node:path'

import { authenticated } from '@/access/authenticated'
import { isEditor } from '@/access/isEditor'
import { isEditorOrUploader } from '@/access/isEditorOrUploader'
import { isWriter } from '@/access/isWriter'
import { dataDir } from '@/lib/env'
import { publicMediaOrSignedIn } from '@/privacy/access/publicMediaOrSignedIn'
import { nobody } from '@/access/nobody'
import { mediaResponseHeaders, notModifiedHandler } from '@/privacy/media/fileResponses'
import { refreshOwnVisibility } from '@/privacy/media/hooks'
import { wholeUploads } from '@/lib/uploads/wholeUploads'

import { uploadedByField } from './fields/uploadedBy'
import { auditPeopleShown } from './hooks/auditPeopleShown'
import { anonymiseFilename } from './hooks/anonymiseFilename'
import { keepPeopleShown } from './hooks/keepPeopleShown'
import { keepReviewedImages } from './hooks/keepReviewedImages'
import { generateBlurPlaceholder } from './hooks/generateBlurPlaceholder'
import { revalidateMediaChange, revalidateMediaDelete } from './hooks/revalidateMedia'

const staticDir = path.join(dataDir(), 'media')
const webp = { format: 'webp', options: { quality: 82 } } as const

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
  // A copy would belong to whoever made it and could drop the people a photo shows, so a photo
  // of a woman could reach a page without her consent being asked. A new photo is uploaded anew.
  disableDuplicate: true,
  access: {
    create: isWriter,
    delete: isEditor,
    read: publicMediaOrSignedIn,
    update: isEditorOrUploader,
  },
  hooks: {
    beforeOperation: [anonymiseFilename],
    beforeChange: [keepReviewedImages, keepPeopleShown, generateBlurPlaceholder, wholeUploads],
    afterChange: [revalidateMediaChange, refreshOwnVisibility, auditPeopleShown],
    afterDelete: [revalidateMediaDelete],
  },
  upload: {
    staticDir,
    // Files are served only after the read access check, never cached without asking again.
    handlers: [notModifiedHandler],
    modifyResponseHeaders: mediaResponseHeaders,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    formatOptions: webp,
    // The sizes the site shows are WebP too: each size is otherwise written in the uploaded
    // file's format, so a JPEG's cards and heroes were JPEGs about twice as heavy.
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre', formatOptions: webp },
      { name: 'cardSmall', width: 384, height: 256, position: 'centre', formatOptions: webp },
      { name: 'card', width: 768, height: 512, position: 'centre', formatOptions: webp },
      { name: 'heroSmall', width: 800, withoutEnlargement: true, formatOptions: webp },
      { name: 'hero', width: 1600, withoutEnlargement: true, formatOptions: webp },
      // Open Graph / Twitter card size, cropped around the focal point. Left in the uploaded
      // file's format: not every service that reads share cards takes WebP.
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
      name: 'public',
      type: 'checkbox',
      label: { en: 'Shown on the site', ru: 'Показывается на сайте' },
      defaultValue: false,
      index: true,
      access: { create: nobody, update: nobody },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          en: 'Set by Voices: only while a published story, program or leader profile uses this image and everyone it shows has agreed to photos. Otherwise only staff can open it.',
          ru: 'Ставится автоматически: только пока изображение использует опубликованная история, программа или профиль ведущей и все, кто на нём, согласились на фото. Иначе его видят только сотрудники.',
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
