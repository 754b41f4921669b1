import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The Firefox end-to-end suite (`npm run test:firefox`): the built add-on in Debian's firefox-esr, driven
 * by puppeteer-core. One file at a time: each test starts its own Firefox on two shared cores, and the
 * policy test writes the machine's Firefox policy file.
 */
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // Each wait inside a test may take up to 30 s on a loaded machine (tests/flows/until.ts).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
