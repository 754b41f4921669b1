import type { AuditMeta } from '@/utils/export/audit-export';

/** A file name an admin recognizes later: what, whose, which company, when — and nothing a file system rejects. */
export function auditFileName(meta: AuditMeta, extension: 'json' | 'csv'): string {
  const part = (text: string): string =>
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'unnamed';
  const who = meta.subject ? `${meta.subject.kind}-${part(meta.subject.name)}` : part(meta.pageKind);
  const day = meta.date.slice(0, 10);
  return `intacct-audit-${part(meta.company)}-${who}-${day}.${extension}`;
}

// Half a surrogate pair: page scripts can leave one in a text node, and encodeURIComponent throws on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Service workers have no URL.createObjectURL, so downloads go as data: URLs (build recipe). */
export function dataUrl(mime: string, text: string): string {
  return `data:${mime};charset=utf-8,${encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'))}`;
}

/**
 * The URL a download of this text is started with. Firefox refuses data: URLs in downloads.download
 * ("Access denied for URL") but its MV2 background page has URL.createObjectURL; Chrome's MV3 service
 * worker has no createObjectURL, so it gets a data: URL.
 */
export function downloadUrl(mime: string, text: string, useBlob: boolean): { url: string; release: () => void } {
  if (useBlob && typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
    return { url, release: () => setTimeout(() => URL.revokeObjectURL(url), 60_000) };
  }
  return { url: dataUrl(mime, text), release: () => {} };
}
