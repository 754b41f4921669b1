/**
 * A reply body read at most `maxBytes` far. `response.text()` would hold the whole body, however large,
 * before anyone could look at its size; this stops reading (and cancels the rest of the download) as soon
 * as the body passes the cap, so nothing larger is ever held.
 */
export type LimitedBody = { kind: 'text'; text: string } | { kind: 'too-large'; maxBytes: number; declaredBytes?: number };

function declaredLength(response: Response): number | undefined {
  const header = response.headers.get('content-length');
  if (header === null || !/^\d{1,15}$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

export async function readBodyLimited(response: Response, maxBytes: number): Promise<LimitedBody> {
  const declared = declaredLength(response);
  if (declared !== undefined && declared > maxBytes) {
    // Said up front: not one byte of it is read.
    await response.body?.cancel().catch(() => {});
    return { kind: 'too-large', maxBytes, declaredBytes: declared };
  }
  const stream = response.body;
  if (!stream) return { kind: 'text', text: '' };
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel().catch(() => {});
        return { kind: 'too-large', maxBytes };
      }
      text += decoder.decode(value, { stream: true });
    }
    return { kind: 'text', text: text + decoder.decode() };
  } finally {
    reader.releaseLock();
  }
}
