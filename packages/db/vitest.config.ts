import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Real databases on shared CI machines: opening and migrating a fresh one per test can take
    // seconds under load; these bounds catch hangs, not slowness.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
