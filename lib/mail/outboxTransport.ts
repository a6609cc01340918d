import type { Transport } from 'nodemailer'
import type MimeNode from 'nodemailer/lib/mime-node'

import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { dataDir } from '@/lib/env'

/** The folder mail goes to while no SMTP server is configured: `<VOICES_DATA_DIR>/outbox/`. */
export function outboxDir(): string {
  return path.join(dataDir(), 'outbox')
}

export type OutboxInfo = { envelope: MimeNode.Envelope; messageId: string; outboxFile: string }

/**
 * A nodemailer transport that writes each message, exactly as it would go over SMTP, to its own
 * `.eml` file in the outbox (any mail client opens one). Nothing fails for want of a server and
 * nothing is lost: an operator who configures SMTP later can still read, or resend, every message.
 * File names sort by the time they were written.
 */
export function outboxTransport(dir: string = outboxDir()): Transport<OutboxInfo> {
  return {
    name: 'voices-outbox',
    version: '1.0.0',
    send(mail, callback) {
      // Keep Bcc in the file: it is the only record of who the message was for.
      mail.message.keepBcc = true
      const envelope = mail.message.getEnvelope()
      const messageId = mail.message.messageId()
      mail.message.build((error, message) => {
        if (error) return callback(error, undefined as unknown as OutboxInfo)
        const stamp = new Date().toISOString().replace(/[:.]/g, '-')
        const outboxFile = path.join(dir, `${stamp}-${crypto.randomBytes(4).toString('hex')}.eml`)
        fs.mkdir(dir, { recursive: true })
          .then(() => fs.writeFile(outboxFile, message, { mode: 0o600 }))
          .then(
            () => callback(null, { envelope, messageId, outboxFile }),
            (writeError: Error) => callback(writeError, undefined as unknown as OutboxInfo),
          )
      })
    },
  }
}
