import * as z from 'zod';

/**
 * Validators for the values that recur across stages. Each message says what a good value looks like, since it
 * is shown next to the input's name.
 */
export const awsRegion = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'must be an AWS region such as us-east-1');

export const iamRoleArn = z
  .string()
  .regex(
    /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
    'must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>',
  );

/** STS role session names: 2–64 characters of `[\w+=,.@-]`. */
export const roleSessionName = z
  .string()
  .regex(/^[\w+=,.@-]{2,64}$/, 'must be 2-64 characters of letters, digits and +=,.@_-');

export function integerString(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`);
}

/** `true` or `false` (any case, as YAML and shells write them). */
export const booleanString = z
  .string()
  .transform((value) => value.toLowerCase())
  .refine((value) => value === 'true' || value === 'false', 'must be true or false')
  .transform((value) => value === 'true');

/** A number in a range, fractions allowed, so that tests (and impatient users) can wait seconds rather than minutes. */
export function decimalString(min: number, max: number) {
  const message = `must be a number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+(\.\d+)?$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}
