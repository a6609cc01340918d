import { NotFoundMessage } from '@/components/NotFound.client'

export default function NotFound() {
  return <NotFoundMessage />
}
