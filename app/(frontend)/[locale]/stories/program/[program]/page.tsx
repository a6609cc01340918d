import { storyIndexRoute } from '@/components/StoryIndex'

const route = storyIndexRoute<{ program: string }>(({ program }) => ({ filter: { program } }))

export const generateStaticParams = route.generateStaticParams
export const generateMetadata = route.generateMetadata
export default route.Page
