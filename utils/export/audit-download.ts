import { browser, type Browser } from 'wxt/browser';
import { storage } from '#imports';
import { ExportAuditSchema } from '@/utils/export/export-message';
import { isIntacctUrl } from '@/utils/hosts';
import { auditToCsv, auditToHtmlReport, auditToJson } from '@/utils/export/audit-export';
import { auditFileName, downloadUrl } from './audit-files';

/** The printable report the report page shows; session storage, it is for the open browser only. */
export const auditReportItem = storage.defineItem<string>('session:auditReport', { fallback: '' });

/**
 * Saves the JSON and CSV evidence and opens the printable report. Only messages from our own overlay count:
 * our extension, in a tab, from an Intacct page (the only pages the overlay is injected into).
 */
export async function handleExportAudit(raw: unknown, sender: Browser.runtime.MessageSender): Promise<boolean> {
  const parsed = ExportAuditSchema.safeParse(raw);
  if (!parsed.success || sender.id !== browser.runtime.id || !sender.tab || !isIntacctUrl(sender.url)) return false;
  const { meta, findings } = parsed.data;
  const useBlob = import.meta.env.FIREFOX === true;
  const files = [
    { ...downloadUrl('application/json', auditToJson(meta, findings), useBlob), filename: auditFileName(meta, 'json') },
    { ...downloadUrl('text/csv', auditToCsv(meta, findings), useBlob), filename: auditFileName(meta, 'csv') },
  ];
  for (const file of files) {
    try {
      await browser.downloads.download({ url: file.url, filename: file.filename });
    } finally {
      file.release();
    }
  }
  await auditReportItem.setValue(auditToHtmlReport(meta, findings));
  await browser.tabs.create({ url: browser.runtime.getURL('/report.html'), index: sender.tab.index + 1 });
  return true;
}
