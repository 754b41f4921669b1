import { storage } from '#imports';
import { EMPTY_FRAMES, type RecognizedFrames } from './frames';
import { DEFAULT_SELECTION, type IntegrationSelection } from './selection';

export const recognizedFramesItem = storage.defineItem<RecognizedFrames>('session:recognizedFrames', {
  fallback: EMPTY_FRAMES,
});

export const selectionItem = storage.defineItem<IntegrationSelection>('local:selection', {
  fallback: DEFAULT_SELECTION,
  version: 1,
});
