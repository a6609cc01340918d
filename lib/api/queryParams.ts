import { validOperatorSet } from 'payload/shared'

import { isFieldPath, prototypeNames } from './fieldNames'
import { readJsonObject } from './jsonObject'
import { type LocaleProblem, unknownLocaleParam } from './localeParams'

export type QueryProblem = { kind: 'locale'; locale: LocaleProblem } | { kind: 'param'; param: string }

const word = /^\w+$/
const isIndex = (segment: string) => /^\d+$/.test(segment)
const listOperators = new Set(['in', 'not_in', 'all'])
const geoOperators = new Set(['near', 'within', 'intersects'])

/** `where[and][0][title][like]` as `['where', 'and', '0', 'title', 'like']`; null when the brackets do not pair. */
function segments(key: string): string[] | null {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key)
  if (!match) return null
  return [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)]
}

/** One condition's key after `where`: and/or with an index, then a field, an operator Payload has, and for lists an index. */
function isWhereKey(path: string[]): boolean {
  let i = 0
  while (i < path.length) {
    if (/^(and|or)$/i.test(path[i]!)) {
      if (!isIndex(path[i + 1] ?? '')) return false
      i += 2
      continue
    }
    const [field, operator, ...rest] = path.slice(i)
    if (!field || !isFieldPath(field) || !operator || !validOperatorSet.has(operator as never)) return false
    if (rest.length === 0) return true
    if (listOperators.has(operator)) return rest.length === 1 && /^\d*$/.test(rest[0]!)
    return geoOperators.has(operator) && rest.every((segment) => /^\w*$/.test(segment))
  }
  return false
}

/** `select[title]=true`, `select[version][_status]=true`, `populate[media][alt]=true`. */
function isSelectKey(path: string[], value: string, { populate = false } = {}): boolean {
  if (path.length === 0 || !['true', 'false'].includes(value)) return false
  const [first, ...rest] = path
  const firstOk = populate ? /^[a-z0-9][\w-]*$/.test(first!) && rest.length > 0 : isFieldPath(first!)
  return firstOk && rest.every((segment) => word.test(segment) && !prototypeNames.has(segment))
}

const isSortValue = (value: string) =>
  value.split(',').every((item) => item === '' || isFieldPath(item.replace(/^-/, '')))

const whole = (min: number) => (value: string) => /^\d{1,15}$/.test(value) && Number(value) >= min

/** Parameters that are one plain value, and what that value must look like. */
const plainValues: Record<string, (value: string) => boolean> = {
  depth: whole(0),
  limit: whole(0),
  page: whole(1),
  sort: isSortValue,
  draft: () => true,
  trash: () => true,
  pagination: () => true,
}

function paramProblem(key: string, value: string): string | null {
  const path = segments(key)
  const name = path?.[0] ?? key.split('[', 1)[0]!
  if (!path) return ['where', 'select', 'populate', ...Object.keys(plainValues)].includes(name) ? name : null
  if (path.some((segment) => prototypeNames.has(segment))) return name
  const inner = path.slice(1)
  switch (name) {
    case 'where':
      // Sent as one string, `where` is JSON (Payload parses it so); otherwise one condition per key.
      if (inner.length === 0) return value === '' || isJsonObject(value) ? null : name
      return isWhereKey(inner) ? null : name
    case 'select':
      return isSelectKey(inner, value) ? null : name
    case 'populate':
      return isSelectKey(inner, value, { populate: true }) ? null : name
    case 'data':
      return inner.length > 0 || value === '' || isJsonObject(value) ? null : name
    default: {
      const valid = plainValues[name]
      if (!valid) return null
      // A plain value, or (for sort) a list of them: `sort[0]=title`.
      if (inner.length > 0 && !(name === 'sort' && inner.length === 1 && /^\d*$/.test(inner[0]!))) return name
      return valid(value) ? null : name
    }
  }
}

/**
 * What in a query string Payload would misread or fail on before any of its checks runs: an
 * unknown locale (read as English), a `where` with an operator Payload lacks or an object where a
 * value belongs (which reached the database and ended in a 500), a `sort`, `select` or `populate`
 * that names no field, a depth, limit or page that is no whole number, a key reaching for an
 * object's prototype. Checked on the raw `key=value` pairs, whichever endpoint they go to;
 * parameters Payload does not read are left alone. Payload's own arguments are checked again
 * once parsed (lib/payload/queryArgs.ts), since GraphQL passes them without a query string.
 */
export function queryProblem(params: URLSearchParams): QueryProblem | null {
  const locale = unknownLocaleParam(params)
  if (locale) return { kind: 'locale', locale }
  for (const [key, value] of params) {
    const param = paramProblem(key, value)
    if (param) return { kind: 'param', param }
  }
  return null
}

const isJsonObject = (text: string) => !('code' in readJsonObject(new TextEncoder().encode(text)))
