import crypto from 'node:crypto'

import { payloadSecret } from '@/lib/env'

/**
 * The secret carried by live-preview links. VOICES_PREVIEW_SECRET sets it; otherwise it is
 * derived from the Payload secret, so previews work with no extra configuration and the value
 * changes whenever that secret is rotated. It only unlocks the draft-mode route, which also
 * requires a signed-in staff session.
 */
export function previewSecret(): string {
  const configured = process.env.VOICES_PREVIEW_SECRET?.trim()
  if (configured) return configured
  return crypto.createHmac('sha256', payloadSecret()).update('voices:draft-preview').digest('hex')
}

/** Constant-time check; hashing first makes both sides the same length whatever was sent. */
export function isPreviewSecret(candidate: string | null | undefined): boolean {
  if (!candidate) return false
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest()
  return crypto.timingSafeEqual(digest(candidate), digest(previewSecret()))
}
