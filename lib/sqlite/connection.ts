import { type Client, type Config, createClient, LibsqlError } from '@libsql/client'
import fs from 'node:fs'

import { isBusy } from './busy'

/** How often, at most, the file is looked for again. */
const WATCH_MS = 1_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One connection to the database file, opened again whenever SQLite refused a statement with
 * SQLITE_BUSY. libsql never resets a statement that failed that way, and until the garbage
 * collector finalizes it the connection counts it as running: every later COMMIT on it fails
 * ("SQL statements in progress"), and a read connection stays pinned to an old snapshot. A new
 * connection has nothing pending.
 */
export class Connection {
  private client: Client | null
  private checkedAt = 0
  private inode: number | null = null
  private gone = false

  constructor(
    private readonly config: Config,
    private readonly setup: (client: Client) => Promise<void>,
    client: Client,
    /** The database file on disk. */
    private readonly file: string,
  ) {
    this.client = client
  }

  /**
   * Whether the file is still the one this connection opened. A connection keeps working on a
   * file that was moved, deleted or replaced under it: reads of a copy nobody sees any more,
   * writes nobody will ever read. So once a second the path is looked at again: a file that has
   * gone fails every statement (the API answers 503) until it is back, without creating an empty
   * database in its place; a replaced file is opened anew.
   */
  private watch(): void {
    const now = Date.now()
    if (now - this.checkedAt < WATCH_MS && !this.gone) return
    this.checkedAt = now
    let inode: number
    try {
      inode = fs.statSync(this.file).ino
    } catch {
      this.gone = true
      this.discard()
      throw new LibsqlError(`the database file ${this.file} has gone`, 'SQLITE_CANTOPEN', 14)
    }
    if (this.inode !== null && inode !== this.inode) this.discard()
    this.inode = inode
    this.gone = false
  }

  async current(): Promise<Client> {
    this.watch()
    if (this.client) return this.client
    const client = createClient(this.config)
    try {
      await this.setup(client)
    } catch (error) {
      client.close()
      throw error
    }
    this.client = client
    return client
  }

  /** Drops this connection; the next statement opens a new one. */
  discard(client?: Client): void {
    if (client && client !== this.client) return
    try {
      this.client?.close()
    } catch {
      // Closing a connection that failed is best effort.
    }
    this.client = null
  }

  /**
   * Runs something SQLite refuses as a whole with SQLITE_BUSY (nothing done) until `deadline`,
   * while another process (a jobs worker, the seed or backup script) holds the lock. The
   * connections run with `busy_timeout = 0` because libsql waits for a lock inside a synchronous
   * call: a wait there would stop this whole server, every cached page included, for as long as
   * the other process takes. Waiting here keeps the event loop free.
   */
  async whenFree<T>(run: (client: Client) => Promise<T>, deadline: number): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      let client: Client | undefined
      try {
        client = await this.current()
        return await run(client)
      } catch (error) {
        if (!isBusy(error)) throw error
        this.discard(client)
        if (Date.now() >= deadline) throw error
        await sleep(Math.min(2 ** attempt, 50))
      }
    }
  }
}
