import type { Access } from 'payload'

/**
 * Staff read every leader. Visitors read only those the site may show (`shownOnSite`, kept by
 * privacy/leaders/shownOnSite from her consent, public role and erasure), in lists, single
 * reads, populated relationships and programs' `leaders` join alike.
 */
export const leadersShownOrStaff: Access = ({ req: { user } }) => (user ? true : { shownOnSite: { equals: true } })
