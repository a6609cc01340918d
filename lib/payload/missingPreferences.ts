import type { Endpoint, PayloadHandler, SanitizedConfig } from 'payload'

import { NotFound } from 'payload'

const preferencesSlug = 'payload-preferences'

/**
 * Deleting an admin preference that is not there (`DELETE /api/payload-preferences/:key`) fails
 * inside the SQL adapter with a 500. It is a 404, as reading one is: the key is looked for first.
 */
const deleteExistingOnly =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) => {
    const key = req.routeParams?.key
    const user = req.user
    if (!user || typeof key !== 'string') return handler(req)
    const { totalDocs } = await req.payload.count({
      collection: preferencesSlug,
      where: {
        and: [
          { key: { equals: key } },
          { 'user.value': { equals: user.id } },
          { 'user.relationTo': { equals: user.collection } },
        ],
      },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) throw new NotFound(req.t)
    return handler(req)
  }

export function missingPreferencesNotFound(config: SanitizedConfig): SanitizedConfig {
  const preferences = config.collections.find((collection) => collection.slug === preferencesSlug)
  if (preferences && Array.isArray(preferences.endpoints)) {
    preferences.endpoints = preferences.endpoints.map((endpoint: Endpoint) =>
      endpoint.method === 'delete' && endpoint.path === '/:key'
        ? { ...endpoint, handler: deleteExistingOnly(endpoint.handler) }
        : endpoint,
    )
  }
  return config
}
