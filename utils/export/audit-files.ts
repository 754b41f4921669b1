import type { AuditMeta } from '@/utils/report/audit-export';

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
