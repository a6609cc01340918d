import { productionProblems } from './productionRules.mjs'
import { settingsSchema } from './schema.mjs'

/**
 * Checks every setting at once, so an operator fixes them in one go: the problems, each a
 * sentence that names its setting (and never repeats a secret's value), and the settings read
 * (null while there are problems).
 * @param {Record<string, string | undefined>} env
 * @param {{ production: boolean }} options
 */
export function checkSettings(env, { production }) {
  const parsed = settingsSchema.safeParse(env)
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)
  if (production) {
    const { PAYLOAD_SECRET, NEXT_PUBLIC_SERVER_URL } = env
    problems.push(
      ...productionProblems({
        PAYLOAD_SECRET: PAYLOAD_SECRET?.trim(),
        NEXT_PUBLIC_SERVER_URL: NEXT_PUBLIC_SERVER_URL?.trim(),
      }),
    )
  }
  return { problems, settings: parsed.success && !problems.length ? parsed.data : null }
}
