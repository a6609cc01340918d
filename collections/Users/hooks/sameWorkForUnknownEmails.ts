import type { CollectionBeforeOperationHook } from 'payload'

import crypto from 'node:crypto'

/**
 * Payload checks a password only when the e-mail has an account, and a password check is the
 * slow part of a login (PBKDF2, 600,000 rounds). Answering unknown e-mails at once would tell a
 * stopwatch which e-mails belong to staff, so for those the same derivation runs on a random
 * salt before Payload gives its usual answer ("The email or password provided is incorrect."),
 * the same answer a wrong password gets.
 *
 * The rounds and length are those of Payload's current password hashes
 * (`pbkdf2-sha256-v1:`, payload/dist/auth/strategies/local/generatePasswordSaltHash.js);
 * tests/int/auth.test.ts checks both paths derive the same way.
 */
export const passwordHashRounds = { iterations: 600_000, keyLength: 32 }

export const sameWorkForUnknownEmails: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const email = typeof args.data?.email === 'string' ? args.data.email.trim().toLowerCase() : ''
  if (!email) return args
  const { totalDocs } = await req.payload.count({ collection: 'users', where: { email: { equals: email } }, req })
  if (totalDocs === 0) {
    const password = typeof args.data?.password === 'string' ? args.data.password : ''
    const salt = crypto.randomBytes(32).toString('hex')
    const { iterations, keyLength } = passwordHashRounds
    await new Promise((resolve, reject) =>
      crypto.pbkdf2(password, salt, iterations, keyLength, 'sha256', (error, key) =>
        error ? reject(error) : resolve(key),
      ),
    )
  }
  return args
}
