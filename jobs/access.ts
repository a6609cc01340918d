import type { PayloadRequest } from 'payload'

import { hasRole } from '@/lib/roles'

/** Scheduling and cancelling jobs through the API (e.g. scheduled publishing) is for editors and admins. */
export const canQueueJobs = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'admin', 'editor')

/** Running the queue by hand, through /api/payload-jobs/run, is for admins; the server runs it anyway. */
export const canRunJobs = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'admin')
