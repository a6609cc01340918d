/**
 * A refusal meant for the operator: `npm run backup` and `npm run restore` print its message
 * alone (no stack trace) and exit with code 1. Anything else that is thrown is a bug or an
 * unexpected failure and is printed in full.
 */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}
