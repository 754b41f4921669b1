/**
 * The browser's own `runtime` for the all-frames detector, without the WebExtension polyfill: Firefox has
 * `browser` with promises, Chromium `chrome` with promises in MV3. Only what the detector uses is typed.
 */
export interface NativeRuntime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown> | undefined;
}

export interface NativeStorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
}

interface NativeApi {
  runtime?: NativeRuntime;
  storage?: { local?: NativeStorageArea };
}

function api(): NativeApi | undefined {
  const g = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  return g.browser?.runtime?.id ? g.browser : g.chrome?.runtime?.id ? g.chrome : undefined;
}

/** Null outside an extension (a page that loaded the file itself) or after the extension was removed. */
export function nativeRuntime(): NativeRuntime | null {
  return api()?.runtime ?? null;
}

export function nativeLocalStorage(): NativeStorageArea | null {
  return api()?.storage?.local ?? null;
}
