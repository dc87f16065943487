import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Browser and real-speech end-to-end tests run with `npm run test:e2e` (test-e2e/vitest.config.ts).
    exclude: ["test-e2e/**", "**/node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
