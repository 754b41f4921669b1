import { browser, type Browser } from 'wxt/browser';
import { storage } from '#imports';
import { ExportAuditSchema } from '@/utils/messages/export';
import { isIntacctUrl } from '@/utils/hosts';
import { auditToCsv, auditToHtmlReport, auditToJson } from '@/utils/report/audit-export';
import { auditFileName, dataUrl } from './audit-files';

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
  await browser.downloads.download({ url: dataUrl('application/json', auditToJson(meta, findings)), filename: auditFileName(meta, 'json') });
  await browser.downloads.download({ url: dataUrl('text/csv', auditToCsv(meta, findings)), filename: auditFileName(meta, 'csv') });
  await auditReportItem.setValue(auditToHtmlReport(meta, findings));
  await browser.tabs.create({ url: browser.runtime.getURL('/report.html'), index: sender.tab.index + 1 });
  return true;
}
