import { storage } from '#imports';
import { EMPTY_FRAMES, type RecognizedFrames } from './frames';
import type { GatewaySession } from './connection';

// Session-area items live apart from the rest: WXT reads every item as soon as it is defined, and a
// content script may not touch storage.session (Chrome rejects it, uncaught, on the admin's page). Only
// the background and extension pages import this module.

export const recognizedFramesItem = storage.defineItem<RecognizedFrames>('session:recognizedFrames', {
  fallback: EMPTY_FRAMES,
});

/** `${companyId}\n${profileId}` → the session the last successful test opened. */
export const gatewaySessionsItem = storage.defineItem<Record<string, GatewaySession>>('session:gatewaySessions', {
  fallback: {},
});

/**
 * A shorter gateway timeout, for the end-to-end tests only, so the "Intacct never answers" case does not
 * hold a test for 30 s. Honest rather than hidden: it ships in every build, it can only shorten the wait
 * (1–30 s, clamped), only extension pages and the service worker can write storage.session, and it is
 * gone when the browser closes. Nothing in the product writes it.
 */
export const gatewayTimeoutItem = storage.defineItem<number | null>('session:gatewayTimeoutMs', { fallback: null });

/** The printable report the report page shows after an export; for the open browser only. */
export const evidenceReportItem = storage.defineItem<string>('session:auditReport', { fallback: '' });

/** The tab showing the report page, so each export reuses it; the page clears it when it goes. */
export const reportTabItem = storage.defineItem<number | null>('session:reportTabId', { fallback: null });

/**
 * The last "Compare with last audit" asked for on an Intacct page, for the popup to show (never the page:
 * utils/export/page-comparison.ts says why). Parsed on read.
 */
export const pageComparisonItem = storage.defineItem<unknown>('session:pageComparison', { fallback: null });
