import { HeadBucketCommand } from '@aws-sdk/client-s3'

import { objectLocation, type ObjectLocation } from './objectStorage'
import { objectLocations } from './objectStorageSettings'

/** Longer than a healthy store ever takes to answer, short enough for a load balancer's probe. */
const ANSWER_WITHIN_MS = 2_000

/**
 * Whether every bucket uploads are kept in answers (one HEAD request each), for `/api/ready`:
 * an instance that cannot store or serve files should get no traffic. True when uploads are on
 * the disk.
 */
export async function storageAnswers(): Promise<boolean> {
  const buckets = new Map<string, ObjectLocation>()
  for (const slug of Object.keys(objectLocations)) {
    const location = objectLocation(slug)
    if (location) buckets.set(location.bucket, location)
  }
  try {
    await Promise.all(
      [...buckets].map(([bucket, { client }]) =>
        client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: AbortSignal.timeout(ANSWER_WITHIN_MS) }),
      ),
    )
    return true
  } catch {
    return false
  }
}
