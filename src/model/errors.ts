/**
 * Errors that Gantry reports to a person. Each carries what went wrong and, where we know it, what to do about it,
 * so every runtime can print the same two lines instead of a stack trace.
 */
export class GantryError extends Error {
  readonly remedy?: string;

  constructor(message: string, options: { remedy?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'GantryError';
    this.remedy = options.remedy;
  }
}

/** An input that failed validation. Raised before a stage changes anything. */
export class InputError extends GantryError {
  readonly input: string;

  constructor(input: string, problem: string) {
    super(`input '${input}': ${problem}`);
    this.name = 'InputError';
    this.input = input;
  }
}

/** Formats any thrown value as the message a runtime shows when a stage fails. */
export function describeFailure(error: unknown): string {
  if (error instanceof GantryError) {
    return error.remedy ? `${error.message}\nRemedy: ${error.remedy}` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
