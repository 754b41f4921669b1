import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/popup/popup.css';
import { PopupContainer } from '@/components/popup/PopupContainer';

/** Marks the popup's first commit, so `npm run bench` can hold it to its budget (issue #6). */
function MarkFirstRender() {
  useEffect(() => void performance.mark('ish-popup-first-render'), []);
  return null;
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <>
      <PopupContainer />
      <MarkFirstRender />
    </>,
  );
}
