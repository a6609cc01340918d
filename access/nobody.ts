/** No request may do this through the API; only Voices' own hooks, with system rights, can. */
export const nobody = (): boolean => false
