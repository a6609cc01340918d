import { storyIndexRoute } from '@/components/StoryIndex'

const route = storyIndexRoute<{ tag: string }>(({ tag }) => ({ filter: { tag } }))

export const generateStaticParams = route.generateStaticParams
export const generateMetadata = route.generateMetadata
export default route.Page
