import { isSaveControl } from './apply';

/**
 * How Intacct's page may have saved what Apply set (issue 23): a Save button pressed — by the admin, or by
 * the page's own script in answer to one of Apply's clicks — a form submitted, or the page leaving (a
 * `form.submit()` fires no submit event; the page unloads instead). Once any of these happened the record
 * may be saved: Undo would change a saved record, and "click Save yourself" would be wrong.
 */
export type SaveKind = 'save' | 'submit' | 'unload';

/**
 * Watches `doc` (and its window) for a save, from before Apply's first click until `stop()`. Any script's
 * Save counts, trusted or not: the page's own handler pressing Save saves as surely as the admin does.
 */
export function watchForSave(doc: Document, onSave: (kind: SaveKind) => void): () => void {
  const win = doc.defaultView;
  const onClick = (event: Event): void => {
    if (isSaveControl(event.target)) onSave('save');
  };
  const onSubmit = (): void => onSave('submit');
  const onLeave = (): void => onSave('unload');
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('submit', onSubmit, true);
  win?.addEventListener('beforeunload', onLeave, true);
  win?.addEventListener('pagehide', onLeave, true);
  return () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('submit', onSubmit, true);
    win?.removeEventListener('beforeunload', onLeave, true);
    win?.removeEventListener('pagehide', onLeave, true);
  };
}
