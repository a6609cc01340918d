/**
 * Values that errors and libraries repeat in their messages, cut out of any text before it is
 * logged. The rules follow what the drivers Voices uses are known to write; they are a backstop
 * behind what Voices chooses to log (./safeError.mjs keeps only an error's message, never its
 * data), not a way to make any text safe. Each rule is tried only on text holding its `mark`:
 * every line the server writes passes here, and most hold none.
 */
const rules = [
  // Drizzle's failed statement ends with the values it was given: "Failed query: …\nparams: …",
  // a participant's legal name or an inquiry's message among them (see scrubMessage).
  { mark: 'params:', pattern: /^(params:).*$/gm, replacement: '$1 [redacted]' },
  // MongoDB's duplicate key error repeats the key: dup key: { email: "…" }.
  { mark: 'dup key', pattern: /(dup key: )\{.*\}/g, replacement: '$1{ [redacted] }' },
  // GraphQL repeats a value it could not take, and Mongoose one it could not cast.
  { mark: 'invalid value', pattern: /(got invalid value )[^;\n]*/g, replacement: '$1[redacted]' },
  { mark: 'found', pattern: /(Expected value of type "[^"]*", found )[^;\n]*/g, replacement: '$1[redacted]' },
  { mark: 'represent', pattern: /(cannot represent [^:\n]*value: )[^;\n]*/gi, replacement: '$1[redacted]' },
  { mark: 'for value', pattern: /(failed for value )("[^"]*"|\S+)/g, replacement: '$1[redacted]' },
  // An e-mail address anywhere: a recipient a mail server refused, a subscriber, a sender.
  // Not a path through a scoped package (node_modules/@payloadcms/…) in a stack trace.
  {
    mark: '@',
    pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
    replacement: '[email]',
  },
]

/**
 * Any text: a message, a stack trace, a line printed to the console.
 * @param {string} text
 */
export function scrubText(text) {
  let scrubbed = text
  for (const { mark, pattern, replacement } of rules) {
    if (scrubbed.includes(mark)) scrubbed = scrubbed.replace(pattern, replacement)
  }
  return scrubbed
}

/**
 * An error's message. Drizzle's values run to the end of its message, over several lines when
 * a note has several, so everything after "params:" goes.
 * @param {string} message
 */
export function scrubMessage(message) {
  const cut = message.includes('\nparams:') ? message.replace(/(\nparams:)[\s\S]*$/, '$1 [redacted]') : message
  return scrubText(cut)
}
