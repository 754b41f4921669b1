import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { applyManagedSelection, withManagedProfiles } from '@/utils/managed/apply';
import { EMPTY_MANAGED, type ManagedState } from '@/utils/managed/config';
import { readManagedState, watchManagedState } from '@/utils/managed/read';
import { BUILT_IN_PROFILES } from '@/utils/profiles/registry';
import type { IntegrationProfile } from '@/utils/profiles/schema';
import { customProfilesItem, parseCustomProfiles, withCustomProfile } from '@/utils/storage/custom-profiles';
import { parseRecognizedFrames, type FrameRecord, type RecognizedFrames } from '@/utils/storage/frames';
import { selectionItem } from '@/utils/storage/items';
import { recognizedFramesItem } from '@/utils/storage/session-items';
import type { IntegrationSelection } from '@/utils/storage/selection';
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
  // What is stored (null before the admin first chose), and the organization's policy over it.
  const [stored, setStored] = useState<unknown>(null);
  const [managed, setManaged] = useState<ManagedState>(EMPTY_MANAGED);
  const [frames, setFrames] = useState<FrameRecord[] | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [imported, setImported] = useState<IntegrationProfile[]>([]);

  useEffect(() => {
    void readManagedState().then(setManaged);
    return watchManagedState(setManaged);
  }, []);

  useEffect(() => {
    void storage.getItem(selectionItem.key).then(setStored);
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
    const show = (value: unknown) => setImported(parseCustomProfiles(value));
    void customProfilesItem.getValue().then(show);
    return customProfilesItem.watch(show);
  }, []);

  const locked = managed.config.lockIntegration;
  const selection = applyManagedSelection(stored, managed.config);
  const customProfiles = withManagedProfiles(imported, managed.config);
  const checklist = useChecklist(selection, customProfiles);

  const change = (next: IntegrationSelection): void => {
    if (locked) return;
    setStored(next);
    void selectionItem.setValue(next);
  };

  const importProfile = async (profile: IntegrationProfile): Promise<void> => {
    const next = withCustomProfile(parseCustomProfiles(await customProfilesItem.getValue()), profile);
    setImported(next);
    await customProfilesItem.setValue(next);
    change({ profileId: profile.id, options: {} });
  };

  return (
    <Popup
      profiles={[...BUILT_IN_PROFILES, ...customProfiles]}
      selection={selection}
      onSelectionChange={change}
      frames={frames}
      // An import selects the new profile, which a locked integration does not allow.
      onProfileImported={locked ? undefined : (profile) => void importProfile(profile)}
      checklist={checklist}
      tabId={tabId}
      managed={managed}
    />
  );
}
