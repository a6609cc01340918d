/**
 * Staff roles. What each may do is enforced by the access functions in `access/`;
 * the role itself is stored on the user and copied into the session token.
 */
export const roles = [
  { value: 'admin', label: 'Admin', ru: 'Администратор' },
  { value: 'editor', label: 'Editor', ru: 'Редактор' },
  { value: 'contributor', label: 'Contributor', ru: 'Автор' },
  { value: 'safeguarding', label: 'Safeguarding', ru: 'Служба защиты' },
] as const

export type Role = (typeof roles)[number]['value']

type MaybeUser = { role?: string | null } | null | undefined

export function hasRole(user: MaybeUser, ...allowed: Role[]): boolean {
  return Boolean(user?.role && (allowed as string[]).includes(user.role))
}
