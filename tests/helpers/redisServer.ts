import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import net from 'node:net'

/**
 * A Redis server of a test's own on loopback, as the shared page cache needs it (docs/deploy.md):
 * nothing saved to disk, entries alone evicted. Debian's `redis-server`; `.ci/run` installs it.
 */
export type RedisServer = { url: string; port: number; stop: () => Promise<void> }

const binary = process.env.REDIS_SERVER_PATH || 'redis-server'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export async function startRedis(port?: number): Promise<RedisServer> {
  if (spawnSync(binary, ['--version']).error) {
    throw new Error(
      `No ${binary}: the shared page cache is tested against a real Redis. Install it with ` +
        '`apt-get install redis-server` (Debian/Ubuntu), or point REDIS_SERVER_PATH at one.',
    )
  }
  const chosen = port ?? (await freePort())
  const child: ChildProcess = spawn(
    binary,
    [
      '--port',
      String(chosen),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'volatile-lru',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let log = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${log}`)), 10_000)
    child.stdout!.on('data', (chunk) => {
      log += chunk
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`redis-server stopped (${code}):\n${log}`)))
  })
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
