/** Where a story stands in review. Publishing is Payload's own `_status`; this comes before it. */
export const reviewStatuses = [
  { value: 'draft', label: 'Draft', ru: 'Черновик' },
  { value: 'inReview', label: 'In review', ru: 'На проверке' },
  { value: 'approved', label: 'Approved', ru: 'Одобрена' },
] as const

export type ReviewStatus = (typeof reviewStatuses)[number]['value']

/** What a contributor may set: submit for review, or take a submission back. Approval is an editor's. */
export const contributorReviewStatuses: ReadonlySet<string> = new Set<ReviewStatus>(['draft', 'inReview'])
