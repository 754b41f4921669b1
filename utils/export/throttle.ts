/**
 * One export of each kind (an audit, a comparison) per tab every few seconds. An overlay's button lives on
 * Intacct's page, where a page script can reach it; without a limit, five scripted presses saved five
 * packs and opened five report tabs (issue 15). An admin never needs two packs of one kind of one page
 * within seconds, though "Export comparison" right after "Export audit" is a normal step.
 */
export const EXPORT_INTERVAL_MS = 5000;

export type Turn = { ok: true } | { ok: false; waitMs: number };

export class ExportThrottle {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly intervalMs = EXPORT_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes the tab's turn if it has one (taken at once, so presses in the same instant get one turn). */
  take(tabId: number, kind: string): Turn {
    const key = `${tabId}\n${kind}`;
    const at = this.now();
    const previous = this.last.get(key);
    if (previous !== undefined && at - previous < this.intervalMs) return { ok: false, waitMs: this.intervalMs - (at - previous) };
    this.last.set(key, at);
    return { ok: true };
  }
}

export function waitMessage(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `This was exported from this tab moments ago; one export every ${EXPORT_INTERVAL_MS / 1000} seconds. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}
