import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { BUILT_IN_PROFILES } from '@/utils/profiles/registry';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import { customProfilesItem, parseCustomProfiles, withCustomProfile } from '@/utils/storage/connection';
import { parseRecognizedFrames, type FrameRecord, type RecognizedFrames } from '@/utils/storage/frames';
import { selectionItem } from '@/utils/storage/items';
import { recognizedFramesItem } from '@/utils/storage/session-items';
import { DEFAULT_SELECTION, parseSelection, type IntegrationSelection } from '@/utils/storage/selection';
import { Popup } from './Popup';
import { useChecklist } from './useChecklist';

/** The tab the popup speaks of: the active tab, or, when the popup is open as a tab itself, the last Intacct tab. */
async function intacctTabId(state: RecognizedFrames): Promise<number | null> {
  const self = await browser.tabs.getCurrent();
  if (self) return state.lastTabId;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

export function PopupContainer() {
  const [selection, setSelection] = useState<IntegrationSelection>(DEFAULT_SELECTION);
  const [frames, setFrames] = useState<FrameRecord[] | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [customProfiles, setCustomProfiles] = useState<IntegrationProfile[]>([]);

  useEffect(() => {
    void selectionItem.getValue().then((v) => setSelection(parseSelection(v)));
    const showFrames = async (value: unknown): Promise<void> => {
      const state = parseRecognizedFrames(value);
      const id = await intacctTabId(state);
      setTabId(id);
      setFrames(id === null ? null : (state.tabs[String(id)] ?? []));
    };
    void recognizedFramesItem.getValue().then(showFrames);
    return recognizedFramesItem.watch((value) => void showFrames(value));
  }, []);

  useEffect(() => {
    const show = (value: unknown) => setCustomProfiles(parseCustomProfiles(value));
    void customProfilesItem.getValue().then(show);
    return customProfilesItem.watch(show);
  }, []);

  const checklist = useChecklist(selection, customProfiles);

  const change = (next: IntegrationSelection): void => {
    setSelection(next);
    void selectionItem.setValue(next);
  };

  const imported = async (profile: IntegrationProfile): Promise<void> => {
    const next = withCustomProfile(parseCustomProfiles(await customProfilesItem.getValue()), profile);
    setCustomProfiles(next);
    await customProfilesItem.setValue(next);
    change({ profileId: profile.id, options: {} });
  };

  return (
    <Popup
      profiles={[...BUILT_IN_PROFILES, ...customProfiles]}
      selection={selection}
      onSelectionChange={change}
      frames={frames}
      onProfileImported={(profile) => void imported(profile)}
      checklist={checklist}
      tabId={tabId}
    />
  );
}
