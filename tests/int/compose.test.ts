import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { checkSettings } from '@/lib/settings/checkSettings.mjs'

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
  MINIO_ROOT_USER: 'voices-admin',
  MINIO_ROOT_PASSWORD: 'minio-password-for-the-compose-test',
  S3_SECRET_ACCESS_KEY: 'voices-key-for-the-compose-test',
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
  image?: string
  command?: string[]
  entrypoint?: string[]
  volumes?: string[]
  ports?: unknown[]
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
    expect(Object.keys(services).sort()).toEqual([
      'app',
      'front',
      'jobs',
      'minio',
      'minio-init',
      'mongo',
      'mongo-key',
      'redis',
    ])
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

  it('keeps media and consent evidence in MinIO, healthy once it answers, reached from inside only', () => {
    const minio = services.minio!
    expect(minio.image).toMatch(/^minio\/minio:RELEASE\./)
    expect(minio.command).toEqual(['server', '/data'])
    expect(minio.volumes?.join(' ')).toMatch(/^minio-data:\/data/)
    expect(minio.healthcheck?.test).toEqual(['CMD', 'mc', 'ready', 'local'])
    expect(minio.environment).toMatchObject({
      MINIO_ROOT_USER: secrets.MINIO_ROOT_USER,
      MINIO_ROOT_PASSWORD: secrets.MINIO_ROOT_PASSWORD,
    })
    expect(minio.ports).toBeUndefined()
  })

  it('has minio-init make both buckets private, and give Voices a key to their objects and nothing else', () => {
    const init = services['minio-init']!
    const env = init.environment!
    expect(init.image).toMatch(/^minio\/mc:RELEASE\./)
    expect(init.depends_on).toMatchObject({ minio: { condition: 'service_healthy' } })
    // As the shell runs it: Compose's `$$` is a `$`, and the buckets' names come from the environment.
    const script = init.entrypoint!.at(-1)!.replaceAll('$$', '$')
    expect(script).toMatch(
      /for bucket in "\$MEDIA_BUCKET" "\$PRIVATE_BUCKET"; do[^]*mc anonymous set none "store\/\$bucket"/,
    )
    expect(script).not.toMatch(/anonymous set (download|upload|public)|policy set|version enable/)
    const policy = JSON.parse(
      script
        .match(/printf '%s' '([^]*)' > \/tmp\/voices-uploads\.json/)![1]!
        .replace(/'"\$(\w+)"'/g, (_, name: string) => env[name]!),
    ) as { Statement: Array<{ Effect: string; Action: string[]; Resource: string[] }> }
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: ['arn:aws:s3:::voices-media/*', 'arn:aws:s3:::voices-private/*'],
      },
      {
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: ['arn:aws:s3:::voices-media', 'arn:aws:s3:::voices-private'],
      },
    ])
    expect(script).toMatch(/mc admin user add store "\$VOICES_ACCESS_KEY" "\$VOICES_SECRET_KEY"/)
    expect(script).toMatch(/mc admin policy attach store voices-uploads --user "\$VOICES_ACCESS_KEY"\n?$/)
    expect(env).toMatchObject({ VOICES_ACCESS_KEY: 'voices', VOICES_SECRET_KEY: secrets.S3_SECRET_ACCESS_KEY })
    // The app (and the jobs worker after it) starts only once this has run.
    expect(services.app!.depends_on).toMatchObject({ 'minio-init': { condition: 'service_completed_successfully' } })
  })

  it.each(['app', 'jobs'])('gives %s those buckets, with the key minio-init made', (name) => {
    const service = services[name]!
    const init = services['minio-init']!.environment!
    expect(service.environment).toMatchObject({
      S3_BUCKET: init.MEDIA_BUCKET,
      S3_PRIVATE_BUCKET: init.PRIVATE_BUCKET,
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY_ID: init.VOICES_ACCESS_KEY,
      S3_SECRET_ACCESS_KEY: init.VOICES_SECRET_KEY,
      S3_FORCE_PATH_STYLE: 'true',
    })
    // Voices' own settings check accepts what the file gives it.
    expect(checkSettings(service.environment!, { production: true }).problems).toEqual([])
  })
})
