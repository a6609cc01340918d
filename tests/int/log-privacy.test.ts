import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { findPrivateValues, seededPrivateValues } from '@/e2e/privateLogScan'
import { loggerOptions } from '@/lib/logging/loggerOptions.mjs'
import { requestStore } from '@/lib/logging/requestContext.mjs'
import { leaders, participants } from '@/seed/content/people'
import { sendConsoleToLog } from '@/server/consoleLog.mjs'
import { loggedPath } from '@/server/requestLog.mjs'

/**
 * No personal data in the production log (lib/logging): errors as the drivers Voices uses build
 * them, carrying the values they failed on, are logged without those values; document data is
 * never written; and the check at the end of every e2e run (e2e/privateLogCheck.ts) finds a
 * private value in a log and names its kind and line, never the value.
 */

const dana = participants[0]!
const email = 'zhanargul.k@example.org'

let written: string[] = []
const logger = () => pino(loggerOptions({ name: 'test' }), { write: (line: string) => void written.push(line) })
const lastLine = () => JSON.parse(written.at(-1)!) as Record<string, unknown>
const consoleBefore = { ...console }

afterEach(() => {
  written = []
  Object.assign(console, consoleBefore)
})

/** Errors as the database drivers, the mail transport and GraphQL build them. */
function driverErrors() {
  const cause = Object.assign(new Error('SQLITE_CONSTRAINT_UNIQUE: UNIQUE constraint failed: subscribers.email'), {
    code: 'SQLITE_CONSTRAINT_UNIQUE',
  })
  // drizzle-orm's DrizzleQueryError: the statement, then every value it was given.
  const query = 'insert into "participants" ("legal_name", "notes", "id") values (?, ?, ?)'
  const params = [dana.legalName, `${dana.notes}\nand more`, 'p-1']
  const drizzle = Object.assign(new Error(`Failed query: ${query}\nparams: ${params}`), { query, params, cause })
  const mongo = Object.assign(
    new Error(
      `E11000 duplicate key error collection: voices.subscribers index: email_1 dup key: { email: "${email}" }`,
    ),
    { name: 'MongoServerError', code: 11000, keyValue: { email } },
  )
  const smtp = Object.assign(
    new Error(`Can't send mail - all recipients were rejected: 550 5.1.1 <${email}>: Recipient address rejected`),
    {
      code: 'EENVELOPE',
      responseCode: 550,
      command: 'RCPT TO',
      response: `550 5.1.1 <${email}>: Recipient address rejected`,
      rejected: [email],
      envelope: { from: 'no-reply@voices.kz', to: [email] },
    },
  )
  const graphql = Object.assign(
    new Error(`Variable "$data" got invalid value { legalName: "${dana.legalName}", x: 1 }; Field "x" is not defined.`),
    {
      name: 'GraphQLError',
      source: { body: `mutation { createParticipant(data: { legalName: "${dana.legalName}" }) }` },
    },
  )
  const validation = Object.assign(new Error('The following field is invalid: Legal name'), {
    name: 'ValidationError',
    status: 400,
    data: { collection: 'participants', errors: [{ path: 'legalName', message: `“${dana.legalName}” is too long` }] },
  })
  return { Drizzle: drizzle, MongoDB: mongo, nodemailer: smtp, GraphQL: graphql, 'Payload validation': validation }
}

const privateText = [dana.legalName, dana.notes, email, 'and more']

describe('errors in the log', () => {
  it.each(Object.entries(driverErrors()))(
    'a %s error keeps what it is and where, not the values it carries',
    (_, error) => {
      const log = logger()
      // As Voices logs a failure, as Payload logs an error it answered, and as pino takes one alone.
      log.error({ msg: 'Inquiry: could not be stored', err: error })
      log.error({ err: error })
      log.error(error)
      expect(written).toHaveLength(3)
      for (const line of written) {
        for (const text of privateText) expect(line).not.toContain(text)
        const { err } = JSON.parse(line) as { err: Record<string, unknown> }
        expect(err.type).toBe(error.name)
        expect(err.stack).toMatch(/\n\s+at /)
      }
    },
  )

  it('the facts worth knowing survive: the code, the status, the fields refused, the cause', () => {
    const log = logger()
    const { Drizzle: drizzle, nodemailer: smtp, 'Payload validation': validation } = driverErrors()
    log.error({ err: drizzle })
    expect(lastLine().err).toMatchObject({
      message: expect.stringMatching(/^Failed query: insert into "participants" .*\nparams: \[redacted\]$/),
      cause: { code: 'SQLITE_CONSTRAINT_UNIQUE', message: expect.stringContaining('subscribers.email') },
    })
    log.error({ err: smtp })
    expect(lastLine().err).toMatchObject({ code: 'EENVELOPE', responseCode: 550 })
    expect(lastLine().err).toMatchObject({ message: expect.stringContaining('<[email]>') })
    log.info({ err: Object.assign(validation, { cause: null }) })
    expect(lastLine().err).toMatchObject({ status: 400, fields: ['legalName'] })
    expect(lastLine().err).not.toHaveProperty('cause')
    // A stack through a scoped package is not taken for an e-mail address.
    const frame = '    at handler (/app/node_modules/@payloadcms/next/dist/routes/rest/index.js:10:5)'
    log.error({ err: Object.assign(new Error('Failed'), { stack: `Error: Failed\n${frame}` }) })
    expect(lastLine().err).toMatchObject({ stack: `Error: Failed\n${frame}` })
  })

  it('a failed job is logged by its id and task, never its input (a queued e-mail)', () => {
    logger().error({
      msg: 'Error running task 1. Attempt 1/5',
      err: new Error('Connection timeout'),
      job: {
        id: 'job-1',
        taskSlug: 'sendEmail',
        queue: 'mail',
        totalTried: 1,
        input: { message: { to: email, subject: 'New inquiry', html: `<p>${dana.notes}</p>` } },
        log: [{ input: { to: email } }],
      },
    })
    expect(lastLine().job).toEqual({ id: 'job-1', taskSlug: 'sendEmail', queue: 'mail', totalTried: 1 })
    for (const text of privateText) expect(written.join('')).not.toContain(text)
  })
})

describe('document data in the log', () => {
  it('known private keys are redacted wherever they turn up', () => {
    logger().info({
      msg: `Mail: sent to ${email}`,
      email,
      data: { legalName: dana.legalName },
      participant: { legalName: dana.legalName, notes: dana.notes, consent: { withdrawalReason: 'x' } },
    })
    const line = lastLine()
    expect(line).toMatchObject({
      msg: 'Mail: sent to [email]',
      email: '[redacted]',
      data: '[redacted]',
      participant: { legalName: '[redacted]', notes: '[redacted]', consent: '[redacted]' },
    })
    for (const text of privateText) expect(written.join('')).not.toContain(text)
  })

  it('what is printed on the console is a JSON line, and an error printed there is logged safely', () => {
    sendConsoleToLog(logger())
    const { Drizzle: drizzle } = driverErrors()
    console.error(' ⨯', drizzle)
    console.warn('cache: %d pages dropped', 3)
    console.log('\u001b[32m✓\u001b[39m Ready')
    const [error, warning, info] = written.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(error).toMatchObject({ level: 'error', msg: expect.stringMatching(/^Failed query: /) })
    expect(warning).toMatchObject({ level: 'warn', msg: 'cache: 3 pages dropped' })
    expect(info).toMatchObject({ level: 'info', msg: '✓ Ready' })
    for (const text of privateText) expect(written.join('')).not.toContain(text)
  })

  it('an access line keeps the path, not its query string or a reset token', () => {
    expect(loggedPath(`/en/search?q=${encodeURIComponent(dana.legalName)}`)).toBe('/en/search')
    expect(loggedPath('/admin/reset/4f9a0c')).toBe('/admin/reset/[token]')
    expect(loggedPath(`/en/search%3Fq=${encodeURIComponent(dana.legalName)}`)).toBe('/en/search[…]')
    expect(loggedPath(`/ru/search;q=${encodeURIComponent(dana.legalName)}`)).toBe('/ru/search[…]')
    expect(loggedPath('/kk/search/')).toBe('/kk/search/')
    expect(loggedPath('/api/users/verify/4f9a0c')).toBe('/api/users/verify/[token]')
    expect(loggedPath('/api/media/file/photo-1.jpg')).toBe('/api/media/file/photo-1.jpg')
  })

  it('a timer a request started carries the request id only while the request is open', async () => {
    const log = logger()
    const context = { reqId: 'r-1', open: true }
    const later = await new Promise<() => void>((resolve) =>
      requestStore().run(context, () => {
        log.info('while answering')
        resolve(() => log.info('after the answer'))
      }),
    )
    context.open = false
    later()
    expect(written.map((line) => JSON.parse(line).reqId)).toEqual(['r-1', undefined])
  })
})

describe('the e2e run’s check of its logs', () => {
  it('looks for every private value the seed writes, and not for a consent record’s keywords and dates', () => {
    const values = seededPrivateValues()
    const found = (kind: string) => values.filter((entry) => entry.kind === kind).map((entry) => entry.value)
    expect(found('participants.legalName')).toEqual(participants.map((p) => p.legalName))
    expect(found('participants.notes')).toEqual(participants.map((p) => p.notes))
    expect(found('leaders.realName')).toEqual(leaders.map((l) => l.realName))
    const keywords = [...participants, ...leaders].flatMap((person) => [
      person.consent.status,
      ...person.consent.scopes,
    ])
    for (const keyword of keywords) expect(values.map((entry) => entry.value)).not.toContain(keyword)
  })

  it('finds a value written as it is, in another case, JSON-escaped or in an address, and names only its kind and line', () => {
    const quoted = 'She said "never here"'
    const values = [
      { kind: 'participants.legalName', value: dana.legalName, source: 'seed' },
      { kind: 'participants.notes', value: quoted, source: 'typed by a spec' },
    ]
    const log = [
      '{"level":"info","msg":"request","path":"/en"}',
      `{"level":"error","msg":"${dana.legalName.toUpperCase()}"}`,
      JSON.stringify({ level: 'info', msg: quoted }),
      `{"level":"info","path":"/en/search/${encodeURIComponent(dana.legalName)}"}`,
      'plain text line',
      '',
    ].join('\n')
    const hits = findPrivateValues(log, values)
    expect(hits).toEqual([
      { line: 2, kind: 'participants.legalName', source: 'seed' },
      { line: 3, kind: 'participants.notes', source: 'typed by a spec' },
      { line: 4, kind: 'participants.legalName', source: 'seed' },
    ])
    expect(JSON.stringify(hits)).not.toContain(dana.legalName)
  })

  it('fails the run naming the file, the line and the kind, never the value', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-log-check-'))
    vi.stubEnv('E2E_LOG_DIR', dir)
    vi.resetModules()
    try {
      const { default: check } = await import('@/e2e/privateLogCheck')
      const { privateValue } = await import('@/e2e/logs')
      const typed = privateValue('leaders.realName', 'Real name typed in a spec')
      fs.writeFileSync(path.join(dir, 'server.log'), '{"level":"info","msg":"request"}\n')
      await expect(check()).resolves.toBeUndefined()

      fs.appendFileSync(path.join(dir, 'server.log'), `{"level":"error","msg":"could not save ${dana.notes}"}\n`)
      fs.writeFileSync(path.join(dir, 'own-server-3105.log'), `line one\nhello ${typed}\n`)
      const failure = await check().then(
        () => null,
        (error: Error) => error.message,
      )
      expect(failure).toContain('own-server-3105.log line 2: leaders.realName (typed by a spec)')
      expect(failure).toContain('server.log line 2: participants.notes (seed)')
      expect(failure).not.toContain(dana.notes)
      expect(failure).not.toContain(typed)
    } finally {
      vi.unstubAllEnvs()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
