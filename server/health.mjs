/**
 * `GET /api/health` (and HEAD): liveness. The server answers it itself, before the admission
 * queue and Next.js, so an orchestrator asking "is this process alive?" is answered at once
 * however busy the site is, and a full queue never gets a healthy instance restarted. It tells
 * nothing but that; `/api/ready` (lib/startup/readyEndpoint.ts) says whether the database answers.
 */
const path = '/api/health'

/** Answers the request if it is for the health check; true when it did. */
export function answerHealth(req, res) {
  const url = req.url ?? ''
  if (url !== path && !url.startsWith(`${path}?`)) return false
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Cache-Control': 'no-store' })
    res.end()
    return true
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(req.method === 'HEAD' ? undefined : '{"alive":true}')
  return true
}
