import {
  type Client,
  type Config,
  createClient,
  type InStatement,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from '@libsql/client'

import path from 'node:path'

import { busyError, isBusy } from './busy'
import { Connection } from './connection'
import { currentWriteScope, isWithin, type WriteScope } from './scope'
import { WriteLock } from './writeLock'

export type SerializedClientOptions = {
  /** How long a write waits for the ones before it (in this server) to finish. */
  writeWaitMs: number
  /** How long a statement waits while another process holds the database. */
  busyWaitMs: number
  /** A transaction silent for this long was abandoned by its operation: it is rolled back. */
  idleTransactionMs: number
  warn: (message: string) => void
}

/** Rows sampled per index by ANALYZE (SQLite's suggestion for `analysis_limit` is 100 to 1000). */
const ANALYSIS_LIMIT = 1000

type Statement = Exclude<InStatement, string> | string

/** Plain reads; anything else (writes, DDL, PRAGMAs) goes to the write connection. */
const readOnly = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*select\b/i
const sqlOf = (statement: Statement) => (typeof statement === 'string' ? statement : statement.sql)

/**
 * The SQLite client Payload's adapter uses (lib/sqlite/adapter.ts), over two connections to one
 * file in WAL mode: reads on one, never waiting for writers; every write on the other, one
 * transaction at a time, in the order they asked, without ever blocking the event loop.
 *
 * libsql's own client opens a fresh connection for every transaction and forgets the pragmas on
 * it (a second transaction would fail at once with "database is locked"), and it waits for
 * locks inside synchronous calls: within one server, a second writer waiting for the first would
 * freeze the very process that has to finish the first. Here writers wait in a queue
 * (writeLock.ts) instead, and another process's lock is waited for by trying again
 * (connection.ts).
 */
export class SerializedClient implements Client {
  readonly protocol = 'file'
  closed = false
  readonly lock = new WriteLock()
  private savepoints = 0

  constructor(
    private readonly reader: Connection,
    private readonly writer: Connection,
    private readonly options: SerializedClientOptions,
  ) {}

  /** A statement from inside the open transaction (see scope.ts) joins it. */
  private joinsOpenTransaction(): boolean {
    const holder = this.lock.holder
    return holder !== null && isWithin(currentWriteScope(), holder)
  }

  private busyDeadline(): number {
    return Date.now() + this.options.busyWaitMs
  }

  private async exclusively<T>(run: (client: Client) => Promise<T>, retry = true): Promise<T> {
    const scope: WriteScope = { parent: undefined, open: true }
    await this.lock.acquire(scope, Date.now() + this.options.writeWaitMs)
    try {
      return await this.writer.whenFree(run, retry ? this.busyDeadline() : 0)
    } finally {
      scope.open = false
      this.lock.release(scope)
    }
  }

  async execute(statement: Statement, args?: unknown[]): Promise<ResultSet> {
    const stmt = (typeof statement === 'string' ? { sql: statement, args: args ?? [] } : statement) as InStatement
    if (this.joinsOpenTransaction()) return (await this.writer.current()).execute(stmt)
    if (readOnly.test(sqlOf(statement)))
      return this.reader.whenFree((client) => client.execute(stmt), this.busyDeadline())
    return this.exclusively((client) => client.execute(stmt))
  }

  async batch(statements: InStatement[], mode?: TransactionMode): Promise<ResultSet[]> {
    if (this.joinsOpenTransaction()) {
      const client = await this.writer.current()
      const results: ResultSet[] = []
      for (const statement of statements) results.push(await client.execute(statement))
      return results
    }
    return this.exclusively((client) => client.batch(statements, mode))
  }

  async migrate(statements: InStatement[]): Promise<ResultSet[]> {
    return this.exclusively((client) => client.migrate(statements))
  }

  async executeMultiple(sql: string): Promise<void> {
    if (this.joinsOpenTransaction()) throw new Error('executeMultiple cannot run inside a transaction')
    // Not tried again: its statements commit one by one.
    return this.exclusively((client) => client.executeMultiple(sql), false)
  }

  /**
   * Begins a transaction for the calling scope (see transactions.ts). Inside an open transaction
   * it becomes a savepoint of it: it commits or rolls back with the transaction around it.
   */
  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    const entered = currentWriteScope()
    const scope: WriteScope = entered?.open ? entered : { parent: undefined, open: true }
    const holder = this.lock.holder
    if (holder && isWithin(scope, holder)) {
      this.savepoints += 1
      const name = `voices_nested_${this.savepoints}`
      const client = await this.writer.current()
      await client.execute(`SAVEPOINT ${name}`)
      return new ScopedTransaction(client, name, () => (scope.open = false), this.options)
    }
    await this.lock.acquire(scope, Date.now() + this.options.writeWaitMs)
    let client: Client
    try {
      const begin = mode === 'deferred' ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE'
      client = await this.writer.whenFree(async (connection) => {
        await connection.execute(begin)
        return connection
      }, this.busyDeadline())
    } catch (error) {
      scope.open = false
      this.lock.release(scope)
      throw error
    }
    return new ScopedTransaction(
      client,
      null,
      (sawBusy) => {
        if (sawBusy) this.writer.discard(client)
        scope.open = false
        this.lock.release(scope)
      },
      this.options,
    )
  }

  /**
   * Gives SQLite's query planner fresh statistics (ANALYZE), so it picks indexes by how selective
   * they are: without any, it read "published stories, newest first" through the `_status` index
   * every story matches (BENCHMARKS.md, "Scale"). `analysis_limit` samples each index instead of
   * reading it whole, which keeps this to milliseconds at 10,000 stories. The read connection
   * loads statistics only when it opens, so it is opened again: call this before serving.
   */
  async refreshStatistics(): Promise<void> {
    await this.exclusively(async (client) => {
      await client.execute(`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}`)
      await client.execute('ANALYZE')
    })
    this.reader.discard()
  }

  async sync(): Promise<never> {
    throw new Error('sync() is for embedded replicas, which Voices does not use')
  }

  close(): void {
    this.closed = true
    this.reader.discard()
    this.writer.discard()
  }
}

/** A transaction on the write connection, or a savepoint inside one (`savepoint` named). */
class ScopedTransaction implements Transaction {
  private done = false
  private sawBusy = false
  private lastUsed = Date.now()
  private readonly watchdog: NodeJS.Timeout | undefined

  constructor(
    private readonly connection: Client,
    private readonly savepoint: string | null,
    private readonly finish: (sawBusy: boolean) => void,
    options: SerializedClientOptions,
  ) {
    if (savepoint) return
    // Payload ends every transaction it begins, but a path that throws between begin and commit
    // would leave this one open, and every writer waiting behind it for ever.
    this.watchdog = setInterval(
      () => {
        if (Date.now() - this.lastUsed < options.idleTransactionMs) return
        options.warn(`Database: a transaction idle for ${options.idleTransactionMs} ms was rolled back`)
        void this.rollback()
      },
      Math.min(options.idleTransactionMs, 5_000),
    )
    this.watchdog.unref()
  }

  get closed(): boolean {
    return this.done
  }

  private async run(sql: InStatement): Promise<ResultSet> {
    try {
      return await this.connection.execute(sql)
    } catch (error) {
      this.sawBusy ||= isBusy(error)
      throw error
    }
  }

  async execute(statement: InStatement): Promise<ResultSet> {
    if (this.done) throw busyError('the transaction was already closed')
    this.lastUsed = Date.now()
    return this.run(statement)
  }

  async batch(statements: InStatement[]): Promise<ResultSet[]> {
    const results: ResultSet[] = []
    for (const statement of statements) results.push(await this.execute(statement))
    return results
  }

  async executeMultiple(): Promise<void> {
    throw new Error('executeMultiple cannot run inside a transaction')
  }

  async commit(): Promise<void> {
    if (this.done) throw busyError('the transaction was already closed')
    try {
      await this.run(this.savepoint ? `RELEASE ${this.savepoint}` : 'COMMIT')
    } catch (error) {
      await this.undo()
      throw error
    } finally {
      this.end()
    }
  }

  async rollback(): Promise<void> {
    if (this.done) return
    try {
      await this.undo()
    } finally {
      this.end()
    }
  }

  close(): void {
    void this.rollback()
  }

  private async undo(): Promise<void> {
    const statements = this.savepoint ? [`ROLLBACK TO ${this.savepoint}`, `RELEASE ${this.savepoint}`] : ['ROLLBACK']
    for (const sql of statements) {
      // Fails only when SQLite has already rolled back by itself (e.g. after a full disk).
      await this.run(sql).catch(() => undefined)
    }
  }

  private end(): void {
    if (this.done) return
    this.done = true
    clearInterval(this.watchdog)
    this.finish(this.sawBusy)
  }
}

export type ConnectionSettings = { synchronous: string; journalSizeLimit: number } | false

/**
 * Opens the write connection first (it switches the file to WAL), then the read connection.
 * Neither waits for a lock inside SQLite (`busy_timeout = 0`, see connection.ts).
 */
export async function openSerializedClient(
  config: Config,
  wal: ConnectionSettings,
  options: SerializedClientOptions,
): Promise<SerializedClient> {
  const deadline = Date.now() + options.busyWaitMs
  const setup = async (client: Client) => {
    await client.execute('PRAGMA busy_timeout = 0')
    if (wal) await client.execute(`PRAGMA synchronous = ${wal.synchronous}`)
  }
  const file = path.resolve(process.cwd(), config.url.slice('file:'.length).split('?')[0]!)
  // Opening reads the file at once: another process's brief lock is waited for here too.
  const open = async () => {
    for (let attempt = 0; ; attempt += 1) {
      let client: Client | undefined
      try {
        client = createClient(config)
        await setup(client)
        return new Connection(config, setup, client, file)
      } catch (error) {
        client?.close()
        if (!isBusy(error) || Date.now() >= deadline) throw error
        await new Promise((resolve) => setTimeout(resolve, Math.min(2 ** attempt, 50)))
      }
    }
  }
  const writer = await open()
  if (wal) {
    await writer.whenFree(async (client) => {
      const mode = await client.execute('PRAGMA journal_mode')
      if (mode.rows[0]?.journal_mode !== 'wal') await client.execute('PRAGMA journal_mode = WAL')
      await client.execute(`PRAGMA journal_size_limit = ${wal.journalSizeLimit}`)
    }, deadline)
  }
  // Writable: opening a read-only file succeeds, and only the first write would tell.
  await writer.whenFree(async (client) => {
    const { rows } = await client.execute('PRAGMA user_version')
    await client.execute('BEGIN IMMEDIATE')
    try {
      await client.execute(`PRAGMA user_version = ${Number(rows[0]?.user_version ?? 0)}`)
    } finally {
      await client.execute('ROLLBACK')
    }
  }, deadline)
  const reader = await open()
  // The schema is readable (it is not, e.g., while another process holds the file exclusively).
  await reader.whenFree((client) => client.execute('SELECT count(*) FROM sqlite_master'), deadline)
  return new SerializedClient(reader, writer, options)
}
