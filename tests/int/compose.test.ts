import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

/**
 * docker-compose.yml, as Docker Compose reads it (no engine runs here; the client does). The
 * file must validate with every secret given, refuse to start without each one, and keep the
 * promises docs/deploy.md makes of it. `.ci/run` installs the client.
 */
const secrets = {
  MONGO_ROOT_PASSWORD: 'mongo-password-for-the-compose-test',
  PAYLOAD_SECRET: '9f2c4e7a1b3d5f60718293a4b5c6d7e8f9012345abcdef6789',
  NEXT_PUBLIC_SERVER_URL: 'https://voices.kz-women.org',
  VOICES_HTTP_CACHE_REFRESH_KEY: '0123456789abcdef0123456789abcdef',
}

/** `docker compose` (v2) or `docker-compose` (v1), whichever this machine has. */
function composeCommand(): string[] {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    if (spawnSync(command[0]!, [...command.slice(1), 'version']).status === 0) return command
  }
  throw new Error('No Docker Compose client: install one (`apt-get install docker-compose` on Debian).')
}

const compose = composeCommand()

function config(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !(name in secrets)))
  return spawnSync(compose[0]!, [...compose.slice(1), 'config'], {
    env: { ...clean, ...env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
  })
}

type Service = {
  command?: string[]
  environment?: Record<string, string>
  healthcheck?: { test: string[] }
  restart?: string
  deploy?: { replicas?: number }
  depends_on?: Record<string, { condition: string }>
}

describe('docker-compose.yml', () => {
  const result = config(secrets)
  const services = (parse(result.stdout ?? '') as { services: Record<string, Service> } | null)?.services ?? {}

  it('validates with every secret given', () => {
    expect(result.status, result.stderr).toBe(0)
    expect(Object.keys(services).sort()).toEqual(['app', 'front', 'jobs', 'mongo', 'mongo-key', 'redis'])
  })

  it.each(Object.keys(secrets))('refuses to start without %s, naming it', (name) => {
    const without = config(Object.fromEntries(Object.entries(secrets).filter(([key]) => key !== name)))
    expect(without.status).not.toBe(0)
    expect(without.stderr).toContain(`Set ${name}`)
  })

  it('runs MongoDB with authentication, healthy only with a writable primary', () => {
    const mongo = services.mongo!
    expect(mongo.command).toEqual(expect.arrayContaining(['--auth', '--keyFile', '--replSet']))
    expect(mongo.healthcheck?.test.join(' ')).toMatch(/quit\(db\.hello\(\)\.isWritablePrimary \? 0 : 1\)/)
    expect(services.app!.environment?.DATABASE_URI).toMatch(/^mongodb:\/\/voices:[^@]+@mongo:27017\/.*replicaSet=rs0/)
  })

  it('runs two app instances sharing Redis, checked by /api/health, none of them running jobs', () => {
    const app = services.app!
    expect(app.deploy?.replicas).toBe(2)
    expect(app.restart).toBe('unless-stopped')
    expect(app.healthcheck?.test.join(' ')).toContain('/api/health')
    expect(app.environment).toMatchObject({ REDIS_URL: 'redis://redis:6379', VOICES_RUN_JOBS: 'false' })
    expect(app.depends_on).toMatchObject({
      mongo: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    })
  })

  it('runs Redis without saving to disk, evicting only what has an expiry', () => {
    const command = services.redis!.command!
    expect(command.slice(command.indexOf('--save'), command.indexOf('--save') + 2)).toEqual(['--save', ''])
    expect(command).toEqual(expect.arrayContaining(['--appendonly', 'no', '--maxmemory-policy', 'volatile-lru']))
  })

  it('runs the jobs worker as plain JavaScript, as its own service', () => {
    expect(services.jobs!.command).toEqual(['node', '--conditions=production', 'dist/jobs.mjs'])
    expect(services.jobs!.environment?.VOICES_INTERNAL_URL).toBe('http://app:3000')
  })
})
