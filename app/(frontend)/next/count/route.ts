import { countRequest } from '@/lib/stats/countRequest'
import { liveCounting } from '@/lib/stats/liveCounting'

export const dynamic = 'force-dynamic'

/** POST /next/count — the story page's beacon; see lib/stats/countRequest.ts. */
export async function POST(request: Request): Promise<Response> {
  return countRequest(request, liveCounting)
}
