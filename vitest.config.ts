import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'happy-dom',
    // Fixture pages link Intacct's stylesheets and scripts; happy-dom loads neither, and without these
    // settings prints a stack trace for every <link> it skips — thousands of lines that hid real warnings.
    environmentOptions: {
      happyDOM: {
        settings: {
          disableCSSFileLoading: true,
          disableJavaScriptFileLoading: true,
          handleDisabledFileLoadingAsSuccess: true,
          // An iframe whose src the fixture loader set aside still loads about:blank: allow that (it
          // fetches nothing) rather than print a stack trace for each; no test gives an iframe a URL.
          enableIframePageLoading: true,
        },
      },
    },
    setupFiles: ['tests/unit/setup.ts'],
    // The fuzz and whole-page tests read every demo page many times: 0.5–2 s on an idle 2-core machine,
    // past vitest's default 5 s when another browser job loads it. A time limit is no verdict here.
    testTimeout: 60_000,
  },
});
