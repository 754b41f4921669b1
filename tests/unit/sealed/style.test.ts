import { describe, expect, it } from 'vitest';
import { SEALED_COLORS, SEALED_CSS } from '@/components/overlay/sealed/sealed-style';

// The e2e contrast walk (tests/e2e/a11y.spec.ts) reads the overlay through its open shadow root and cannot
// see into a sealed button's closed one: its text colours are held to WCAG AA here.

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('a sealed button’s look', () => {
  it.each(Object.entries(SEALED_COLORS))('%s: its label reads at WCAG AA against its background, hovered or not', (_name, colors) => {
    expect(contrast(colors.text, colors.background)).toBeGreaterThanOrEqual(4.5);
    if ('hover' in colors) expect(contrast(colors.text, colors.hover)).toBeGreaterThanOrEqual(4.5);
  });

  it('cuts the button off from anything the host passes down', () => {
    expect(SEALED_CSS).toMatch(/button \{\s*all: initial;/);
    expect(SEALED_CSS).toContain('visibility: visible;');
  });
});
