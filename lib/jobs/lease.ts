/**
 * How long a job a runner has taken stays its own without a sign of life from that runner. While
 * the job runs, its runner renews the lease five times per lease (lib/jobs/renewedClaims.ts); a
 * runner that died (killed, out of memory, its machine gone) renews nothing, and once the lease
 * has run out the next runner to look for due jobs frees the job and runs it again
 * (lib/jobs/atomicClaims.ts).
 *
 * Five minutes by default: far longer than any renewal can be held up (a write waits at most 15
 * seconds for the database), and short enough that a scheduled publish or a message whose worker
 * died goes out a few minutes late rather than never.
 */
const defaultLeaseSeconds = 300

export function jobLeaseMs(): number {
  const configured = Number(process.env.VOICES_JOBS_LEASE_SECONDS?.trim())
  return (Number.isInteger(configured) && configured > 0 ? configured : defaultLeaseSeconds) * 1000
}

export function leaseRenewalMs(): number {
  return jobLeaseMs() / 5
}
