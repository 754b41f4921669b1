// Half a surrogate pair: page scripts can leave one in a text node, and encodeURIComponent throws on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` with every half surrogate pair replaced by U+FFFD: what UTF-8 can encode, and so exactly the
 * characters a file written from it holds (a digest must be taken over these, not over the original).
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** Service workers have no URL.createObjectURL, so downloads go as data: URLs (build recipe). */
export function dataUrl(mime: string, text: string): string {
  return `data:${mime};charset=utf-8,${encodeURIComponent(wellFormed(text))}`;
}

/**
 * The URL a download of this text is started with. Firefox refuses data: URLs in downloads.download
 * ("Access denied for URL") but its MV2 background page has URL.createObjectURL; Chrome's MV3 service
 * worker has no createObjectURL, so it gets a data: URL.
 */
export function downloadUrl(mime: string, text: string, useBlob: boolean): { url: string; release: () => void } {
  if (useBlob && typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([wellFormed(text)], { type: `${mime};charset=utf-8` }));
    return { url, release: () => setTimeout(() => URL.revokeObjectURL(url), 60_000) };
  }
  return { url: dataUrl(mime, text), release: () => {} };
}
