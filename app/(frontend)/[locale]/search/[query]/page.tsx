import { searchResultsRoute } from '@/components/SearchView'

const route = searchResultsRoute()

export const generateStaticParams = route.generateStaticParams
export const generateMetadata = route.generateMetadata
export default route.Page
