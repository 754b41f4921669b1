import { useEffect, useState } from 'react';
import { markOwnOverlay } from './sealed/visibility';

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * A ring drawn from our shadow root around a field of Intacct's page. Intacct's own elements are
 * never restyled: the ring is ours, positioned over the field.
 */
export function Highlight({ target }: { target: Element | null }) {
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    if (!target || !target.isConnected) {
      setBox(null);
      return;
    }
    target.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    const measure = (): void => {
      const r = target.getBoundingClientRect();
      setBox({ top: r.top - 3, left: r.left - 3, width: r.width + 6, height: r.height + 6 });
    };
    measure();
    addEventListener('scroll', measure, true);
    addEventListener('resize', measure);
    return () => {
      removeEventListener('scroll', measure, true);
      removeEventListener('resize', measure);
    };
  }, [target]);
  if (!box) return null;
  // Ours, over the page and never over the panel (it lies below it): the sealed buttons' cover check skips it.
  return <div ref={markOwnOverlay} className="ish-highlight" data-testid="ish-highlight" style={box} aria-hidden="true" />;
}
