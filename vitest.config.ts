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
  },
});
