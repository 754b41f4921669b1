/**
 * The look of a sealed button, kept inside its closed shadow root. Nothing the page puts into the
 * overlay's open shadow root can select the button: `all: initial` also cuts it off from what the host
 * would pass down (a page setting `font-size: 400px` or `visibility: visible` on the host changes nothing
 * here). The colours are those of the panel's own buttons (overlay.css); tests/unit/sealed/style.test.ts
 * holds each text colour to WCAG AA against its background, since the e2e contrast walk cannot see into
 * a closed root.
 */

export const SEALED_COLORS = {
  primary: { text: '#ffffff', background: '#0f7b5f', border: '#0c6a52', hover: '#0c6a52' },
  secondary: { text: '#0f5f4a', background: '#ffffff', border: '#0f7b5f', hover: '#eef7f3' },
  disabled: { text: '#4b5d6b', background: '#eef2f5', border: '#c9d6df' },
} as const;

export type SealedVariant = 'primary' | 'secondary';

/** The button's widest and tallest: it holds one line, clipped with an ellipsis (the full label is its title). */
export const SEALED_MAX_WIDTH_PX = 316;

const { primary, secondary, disabled } = SEALED_COLORS;

export const SEALED_CSS = `
button {
  all: initial;
  box-sizing: border-box;
  display: inline-block;
  max-width: ${SEALED_MAX_WIDTH_PX}px;
  padding: 4px 12px;
  border: 1px solid;
  border-radius: 6px;
  font: 600 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
  cursor: pointer;
  visibility: visible;
  opacity: 1;
}
button.primary { color: ${primary.text}; background: ${primary.background}; border-color: ${primary.border}; }
button.primary:hover { background: ${primary.hover}; }
button.secondary { color: ${secondary.text}; background: ${secondary.background}; border-color: ${secondary.border}; }
button.secondary:hover { background: ${secondary.hover}; }
button:disabled, button:disabled:hover { color: ${disabled.text}; background: ${disabled.background}; border-color: ${disabled.border}; cursor: default; }
button:focus { outline: none; }
`;
