import { storyIndexRoute } from '@/components/StoryIndex'

const route = storyIndexRoute<Record<string, never>>(() => ({ filter: {} }))

export const generateStaticParams = route.generateStaticParams
export const generateMetadata = route.generateMetadata
export default route.Page
