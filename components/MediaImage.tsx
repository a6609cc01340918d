import Image from 'next/image'

import type { Media } from '@/payload-types'

type Props = {
  media: Media | string | null | undefined
  size?: 'thumbnail' | 'card' | 'hero' | 'share'
  sizes: string
  priority?: boolean
  className?: string
}

/** An uploaded image at one of its generated sizes, with its alt text and a blurred placeholder. */
export function MediaImage({ media, size = 'card', sizes, priority, className }: Props) {
  if (!media || typeof media !== 'object') return null
  const variant = media.sizes?.[size]
  const url = variant?.url ?? media.url
  const width = variant?.width ?? media.width
  const height = variant?.height ?? media.height
  if (!url || !width || !height) return null
  return (
    <Image
      src={url}
      alt={media.alt}
      width={width}
      height={height}
      sizes={sizes}
      priority={priority}
      className={className}
      placeholder={media.blurDataUrl ? 'blur' : 'empty'}
      blurDataURL={media.blurDataUrl ?? undefined}
    />
  )
}
