import assert from 'node:assert/strict';

/**
 * How long a browser test waits for what the admin would see. Long, because it is only an upper bound: on
 * a 2-core machine where another browser suite runs, a render that takes 50 ms alone took over 10 s, and a
 * wait that fails on a loaded machine is a bug of the test, not of the product.
 */
export const WAIT_MS = 30_000;

/** Reads until `ok`, every 100 ms, for at most `timeoutMs`; fails with what it saw last. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
