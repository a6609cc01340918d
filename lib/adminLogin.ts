import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { dataDir } from './env'

/**
 * The demo admin's login. VOICES_ADMIN_EMAIL / VOICES_ADMIN_PASSWORD set it; otherwise a
 * random password is generated and kept (readable only by this user) in the data folder, so
 * the console can show it again on every start.
 */
export type Login = { email: string; password: string }

const loginFile = () => path.join(dataDir(), 'demo-admin-login.json')

export function demoAdminLogin(): Login {
  const email = process.env.VOICES_ADMIN_EMAIL?.trim() || 'admin@example.org'
  const password = process.env.VOICES_ADMIN_PASSWORD || crypto.randomBytes(12).toString('base64url')
  return { email, password }
}

export function rememberLogin(login: Login): void {
  fs.mkdirSync(dataDir(), { recursive: true })
  fs.writeFileSync(loginFile(), JSON.stringify(login, null, 2), { mode: 0o600 })
}

export function rememberedLogin(): Login | null {
  try {
    return JSON.parse(fs.readFileSync(loginFile(), 'utf8')) as Login
  } catch {
    return null
  }
}
