import * as z from './zod.js';

/**
 * Validators for the values that recur across stages. Each message says what a good value looks like, since it
 * is shown next to the input's name.
 */
export const awsRegion = z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'must be an AWS region such as us-east-1'));

export const iamRoleArn = z
  .string()
  .check(z.regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>'));

/** STS role session names: 2–64 characters of `[\w+=,.@-]`. */
export const roleSessionName = z.string().check(z.regex(/^[\w+=,.@-]{2,64}$/, 'must be 2-64 characters of letters, digits and +=,.@_-'));

export function integerString(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.pipe(z.string().check(z.regex(/^\d+$/, message)), z.transform(Number)).check(z.refine((n) => n >= min && n <= max, message));
}

/**
 * A string input read by `parse`, which returns the value or, for a bad one, the problem (a message that does not
 * repeat the value): the problem becomes the input's.
 */
export function parsedBy<T>(parse: (value: string) => T | string) {
  return z.pipe(
    z.string(),
    z.transform((value, ctx) => {
      const result = parse(value);
      if (typeof result !== 'string') return result;
      ctx.issues.push({ code: 'custom', input: value, message: result });
      return z.NEVER;
    }),
  );
}

/** `true` or `false` (any case, as YAML and shells write them). */
export const booleanString = z.pipe(
  z.pipe(z.string(), z.transform((value) => value.toLowerCase())).check(z.refine((value) => value === 'true' || value === 'false', 'must be true or false')),
  z.transform((value) => value === 'true'),
);

/** A number in a range, fractions allowed, so that tests (and impatient users) can wait seconds rather than minutes. */
export function decimalString(min: number, max: number) {
  const message = `must be a number from ${min} to ${max}`;
  return z.pipe(z.string().check(z.regex(/^\d+(\.\d+)?$/, message)), z.transform(Number)).check(z.refine((n) => n >= min && n <= max, message));
}
