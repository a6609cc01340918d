/** Names that reach an object's prototype rather than any field: never a key a client may send. */
export const prototypeNames = new Set(['__proto__', 'constructor', 'prototype'])

/** A field as a query names it: `title`, `version._status`; never a name reaching an object's prototype. */
export function isFieldPath(path: string): boolean {
  return path.split('.').every((part) => /^\w+$/.test(part) && !prototypeNames.has(part))
}
