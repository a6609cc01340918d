/**
 * Names the public forms and their server-side checks share. Kept free of server code, so the
 * forms' client components can import them.
 */

/** The hidden field people never see and bots fill in. Its name sounds like something to fill. */
export const honeypotField = 'website'
