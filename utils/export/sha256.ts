/** SHA-256 of the UTF-8 bytes of `text`, lower-case hex: what `sha256sum` prints for the file holding it. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A checksum file in GNU coreutils' format, so `sha256sum -c SHA256SUMS` verifies the files beside it:
 * one line per file, the digest, two spaces (text mode), the name, a newline.
 */
export function sha256sumsFile(entries: readonly { name: string; digest: string }[]): string {
  return entries.map((e) => `${e.digest}  ${e.name}\n`).join('');
}
