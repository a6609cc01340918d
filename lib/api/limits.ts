/**
 * What Voices' API reads of a request body before Payload does (lib/api/screenRequest.ts).
 *
 * JSON bodies: the longest story, in all three languages with its rich text, is well under a
 * tenth of this; the 5 MB someone sends to /api/graphql is refused with 413 before it is parsed.
 */
export const maxJsonBytes = 2 * 1024 * 1024

/**
 * Forms (uploads): Payload's own multipart limit (its default `requestSizeLimit`), so every
 * upload that worked before still does.
 */
export const maxFormBytes = 50 * 1024 * 1024

/**
 * Nesting of a JSON body. A story's rich text, lists in lists included, stays far below this;
 * hundreds of thousands of levels (a few hundred kilobytes of brackets) once exhausted the stack
 * of the code that copies and merges documents.
 */
export const maxJsonDepth = 100

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`
}
