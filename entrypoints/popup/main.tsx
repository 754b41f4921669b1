import { createRoot } from 'react-dom/client';
import '@/components/popup/popup.css';
import { PopupContainer } from '@/components/popup/PopupContainer';

const container = document.getElementById('root');
if (container) createRoot(container).render(<PopupContainer />);
