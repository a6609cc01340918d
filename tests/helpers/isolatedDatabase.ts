/**
 * Runs before each test file is loaded: points Voices at a database of its own, before the
 * Payload config (which reads the environment) is imported.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const id = crypto.randomBytes(6).toString('hex')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), `voices-test-${id}-`))

process.env.VOICES_DATA_DIR = dir
process.env.PAYLOAD_SECRET = `test-secret-${id}`
process.env.VOICES_TEST_DATA_DIR = dir

if (process.env.VOICES_TEST_DB === 'mongodb') {
  const url = new URL(process.env.MONGODB_URI!.trim())
  url.pathname = `/voices_test_${id}`
  process.env.DATABASE_URI = url.toString()
} else {
  process.env.DATABASE_URI = `file:${path.join(dir, 'voices.db')}`
}
