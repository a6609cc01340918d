import { prototypeNames } from './fieldNames'
import { nestsDeeperThan } from './jsonDepth'
import { maxJsonDepth } from './limits'
import { type Refused, refused } from './refused'

/**
 * JSON a client sent as a document or a query: valid UTF-8 and JSON, an object, nested no deeper
 * than `maxJsonDepth`, and naming no object's prototype. The parsed object, or why not.
 */
export function readJsonObject(bytes: Uint8Array): Refused | { value: Record<string, unknown> } {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return refused('bodyNotJson', 400)
  }
  if (nestsDeeperThan(text, maxJsonDepth)) return refused('bodyTooDeep', 400, { depth: String(maxJsonDepth) })
  let value: unknown
  let prototypeKey: string | undefined
  try {
    value = JSON.parse(text, (key, inner: unknown) => {
      if (prototypeNames.has(key)) prototypeKey ??= key
      return inner
    })
  } catch {
    return refused('bodyNotJson', 400)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return refused('bodyNotObject', 400)
  // `{"__proto__": {...}}` names no field; code that merges it into an object could change every object.
  if (prototypeKey) return refused('prototypeKey', 400, { key: prototypeKey })
  return { value: value as Record<string, unknown> }
}
