/**
 * Ends the process as soon as stdout and stderr have taken everything written. Called once a stage or command is
 * done: a socket still open must not keep the step running, be it a request abandoned after its bound or a
 * keep-alive connection whose error answer the SDK left unread (the emulator closes those about 100 ms later).
 */
export function exitWhenFlushed(): void {
  let pending = 2;
  const flushed = () => {
    if (--pending === 0) process.exit();
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}
