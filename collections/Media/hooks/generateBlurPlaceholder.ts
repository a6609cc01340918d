import type { CollectionBeforeChangeHook } from 'payload'

import sharp from 'sharp'

/**
 * A tiny blurred copy of each uploaded image, inlined by the site as next/image's placeholder
 * so pages do not jump or flash while photos load on slow connections.
 */
export const generateBlurPlaceholder: CollectionBeforeChangeHook = async ({ data, req }) => {
  const file = req.file
  if (!file?.data || !file.mimetype?.startsWith('image/')) return data
  const tiny = await sharp(file.data).resize(16, 16, { fit: 'inside' }).webp({ quality: 40 }).toBuffer()
  return { ...data, blurDataUrl: `data:image/webp;base64,${tiny.toString('base64')}` }
}
