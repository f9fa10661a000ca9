import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    reporters: ["default", "./test/harness/summary-reporter.ts"],
    setupFiles: ["./test/harness/codec-coverage-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "threads",
  },
});
