/** A value quoted for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `export NAME='value'` lines, as `gantry local env` and `--print-exports` print them for `eval`. */
export function exportLines(variables: ReadonlyMap<string, string>): string {
  return [...variables].map(([key, value]) => `export ${key}=${shellQuote(value)}\n`).join('');
}
