import { browser } from 'wxt/browser';
import { evidenceReportItem, reportTabItem } from '@/utils/storage/session-items';

// The report was built with every page-derived text escaped; it is also shown in a sandboxed frame that
// runs no script, so a hostile role name cannot act even if escaping were ever missed.
const frame = document.getElementById('report');
const print = document.getElementById('print');
const EMPTY = '<p style="font:14px system-ui;padding:16px">No audit to show: use “Export audit” on a permissions page, or “Export evidence” in the popup.</p>';

function show(html: string): void {
  if (frame instanceof HTMLIFrameElement) frame.srcdoc = html || EMPTY;
}

void evidenceReportItem.getValue().then(show);
// The background reuses this tab for the next export: it stores the new report and brings the tab forward.
evidenceReportItem.watch((html) => show(html ?? ''));

// This tab is the one report tab while it shows this page: from the moment it opens until it is closed,
// reloaded or navigated away.
void browser.tabs.getCurrent().then(async (tab) => {
  if (tab?.id === undefined) return;
  const id = tab.id;
  // Which tab is the report tab now (another may take over), known before the page goes: a page that is
  // going has no time to read storage first.
  let current: number | null = id;
  reportTabItem.watch((value) => {
    current = value;
  });
  await reportTabItem.setValue(id);
  addEventListener('pagehide', () => {
    if (current === id) void reportTabItem.setValue(null);
  });
});

print?.addEventListener('click', () => {
  if (frame instanceof HTMLIFrameElement) frame.contentWindow?.print();
});
