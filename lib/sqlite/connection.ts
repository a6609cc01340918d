import { type Client, type Config, createClient } from '@libsql/client'

import { isBusy } from './busy'

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

  constructor(
    private readonly config: Config,
    private readonly setup: (client: Client) => Promise<void>,
    client: Client,
  ) {
    this.client = client
  }

  async current(): Promise<Client> {
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
