/** A plain 404 for a file URL, as Payload gives for a route it does not know: nothing about what exists. */
export const fileNotFound = () => Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
