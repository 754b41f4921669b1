import { evidenceReportItem } from '@/utils/storage/session-items';

// The report was built with every page-derived text escaped; it is also shown in a sandboxed frame that
// runs no script, so a hostile role name cannot act even if escaping were ever missed.
const frame = document.getElementById('report');
const print = document.getElementById('print');
void evidenceReportItem.getValue().then((html) => {
  if (frame instanceof HTMLIFrameElement) {
    frame.srcdoc = html || '<p style="font:14px system-ui;padding:16px">No audit to show: use “Export audit” on a permissions page, or “Export evidence” in the popup.</p>';
  }
});
print?.addEventListener('click', () => {
  if (frame instanceof HTMLIFrameElement) frame.contentWindow?.print();
});
