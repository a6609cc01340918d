import type { Media } from '@/payload-types'

type Size = 'thumbnail' | 'card' | 'hero' | 'share'

type Props = {
  media: Media | string | null | undefined
  size?: Size
  sizes: string
  priority?: boolean
  className?: string
}

/** The generated sizes that share each size's crop, smallest first, for `srcset`. */
const variants: Record<Size, Array<keyof NonNullable<Media['sizes']>>> = {
  thumbnail: ['thumbnail'],
  card: ['cardSmall', 'card'],
  hero: ['heroSmall', 'hero'],
  share: ['share'],
}

/**
 * An uploaded image at its generated sizes, with its alt text and a blurred placeholder.
 *
 * Served straight from Payload's file route, which checks read access on every request, and not
 * through Next's image optimizer: the optimizer keeps its own copies for hours, so a photo whose
 * consent is withdrawn would go on being served from them. Payload already made every size.
 */
export function MediaImage({ media, size = 'card', sizes, priority, className }: Props) {
  if (!media || typeof media !== 'object') return null
  const available = variants[size].map((name) => media.sizes?.[name]).filter((v) => v?.url && v.width && v.height)
  const largest = available.at(-1)
  const src = largest?.url ?? media.url
  const width = largest?.width ?? media.width
  const height = largest?.height ?? media.height
  if (!src || !width || !height) return null
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see above: the optimizer would keep copies
    <img
      src={src}
      srcSet={available.length > 1 ? available.map((v) => `${v!.url} ${v!.width}w`).join(', ') : undefined}
      sizes={available.length > 1 ? sizes : undefined}
      alt={media.alt}
      width={width}
      height={height}
      className={className}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
      style={
        media.blurDataUrl
          ? { backgroundImage: `url(${media.blurDataUrl})`, backgroundSize: 'cover', backgroundPosition: 'center' }
          : undefined
      }
    />
  )
}
