import net from 'node:net'

/**
 * A tiny SMTP server on 127.0.0.1 for the mail tests: it speaks just enough of the protocol for
 * nodemailer (EHLO, MAIL, RCPT, DATA, QUIT), and either accepts each message (keeping it) or
 * refuses every one with a temporary failure, as a mail server that is down for maintenance does.
 */
export type FakeSmtp = {
  url: string
  received: string[]
  /** How many times a client tried to hand over a message. */
  attempts: number
  refuse: boolean
  close(): Promise<void>
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  const state = { received: [] as string[], attempts: 0, refuse: false }
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.setEncoding('utf8')
    let buffer = ''
    let inData = false
    let data = ''
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 fake.smtp.test ESMTP ready')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end < 0) return
          data += buffer.slice(0, end)
          buffer = buffer.slice(end + 5)
          inData = false
          state.received.push(data.replace(/^\.\./gm, '.'))
          data = ''
          reply('250 2.0.0 queued')
          continue
        }
        const newline = buffer.indexOf('\r\n')
        if (newline < 0) return
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') reply('250 fake.smtp.test')
        else if (verb === 'MAIL') {
          state.attempts += 1
          reply(state.refuse ? '451 4.3.0 try again later' : '250 2.1.0 ok')
        } else if (verb === 'RCPT') reply('250 2.1.5 ok')
        else if (verb === 'DATA') {
          inData = true
          reply('354 end with <CRLF>.<CRLF>')
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok')
        else if (verb === 'QUIT') {
          reply('221 bye')
          socket.end()
        } else reply('502 5.5.2 not implemented')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  })
}
