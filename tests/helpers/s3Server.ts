import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

/**
 * An S3-compatible server of a test's own on loopback: s3rver (npm, a dev dependency), keeping
 * its buckets in a temporary folder. It checks that a request names a known access key but,
 * unlike S3 and MinIO, neither verifies signatures nor refuses anonymous reads; so every request
 * it receives is recorded, for tests to see how Voices spoke to it. Voices gets a key of its own
 * (`voices`), the test another (`tester`), so the two are told apart.
 */
export type SeenRequest = { method: string; url: string; headers: http.IncomingHttpHeaders }
export type S3Key = { accessKeyId: string; secretAccessKey: string }
export type S3Server = {
  endpoint: string
  voices: S3Key
  tester: S3Key
  seen: SeenRequest[]
  stop: () => Promise<void>
}

type S3rver = { configureBuckets(): Promise<unknown>; callback(): http.RequestListener }
const load = createRequire(import.meta.url)
const S3rver = load('s3rver') as new (options: Record<string, unknown>) => S3rver
/** s3rver's one account, whose keys it accepts. */
const account = (
  load('s3rver/lib/models/account') as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } }
).DUMMY_ACCOUNT

const voices: S3Key = { accessKeyId: 'voices', secretAccessKey: 'voices-secret-key' }
const tester: S3Key = { accessKeyId: 'tester', secretAccessKey: 'tester-secret-key' }
for (const key of [voices, tester]) account.createKeyPair(key.accessKeyId, key.secretAccessKey)

export async function startS3Server(buckets: string[]): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-s3-'))
  const s3rver = new S3rver({
    silent: true,
    directory,
    // Path-style addresses only (http://127.0.0.1:port/bucket/key), as S3_FORCE_PATH_STYLE=true asks.
    vhostBuckets: false,
    configureBuckets: buckets.map((name) => ({ name })),
  })
  await s3rver.configureBuckets()
  const serve = s3rver.callback()
  const seen: SeenRequest[] = []
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    serve(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    voices,
    tester,
    seen,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}
