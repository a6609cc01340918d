import { storyIndexRoute } from '@/components/StoryIndex'

const route = storyIndexRoute<{ page: string }>(({ page }) => ({ page, filter: {} }))

export const generateStaticParams = route.generateStaticParams
export const generateMetadata = route.generateMetadata
export default route.Page
