import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a process that runs one stage and ends. Node's `fetch` parses HTTP with a WebAssembly build of
 * llhttp, which V8 also compiles with its optimizing tier on a background thread; a process that is done must wait
 * for that compile before it exits (about 70 ms here, more than a re-run's whole push). Gantry makes a few requests
 * per process, so V8's baseline WebAssembly compiler is enough. Set before the first `fetch`.
 */
export function useShortProcessFlags(): void {
  setFlagsFromString('--liftoff-only');
}
