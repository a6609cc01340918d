import { expect } from 'vitest'

type FieldError = { path: string; message: string }

/** Awaits a write that must fail validation and returns the field messages Payload gave. */
export async function validationErrors(write: Promise<unknown>): Promise<FieldError[]> {
  try {
    await write
  } catch (error) {
    const errors = (error as { data?: { errors?: FieldError[] } }).data?.errors
    expect(errors, `expected a validation error, got: ${String(error)}`).toBeInstanceOf(Array)
    return errors!
  }
  throw new Error('expected the write to be refused, but it succeeded')
}
