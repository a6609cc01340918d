import type { RefusalCode } from '@/lib/refusals/refusal'

/** Why the screen turned a request away, answered by `earlyRefusal` in the client's language. */
export type Refused = { code: RefusalCode; status: number; vars?: Record<string, string> }

export const refused = (code: RefusalCode, status: number, vars?: Record<string, string>): Refused => ({
  code,
  status,
  vars,
})
