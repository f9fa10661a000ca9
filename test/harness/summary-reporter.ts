import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Reporter, TestCase, TestModule } from "vitest/node";

/**
 * Prints the closing line CI reads (`N passed, N failed, N skipped`), counted from vitest's own results,
 * and fails the run when a test is skipped or left as todo without an entry in `test/allowed-skips.json`.
 */
interface AllowedSkip {
  test: string;
  reason: string;
}

const allowedFile = fileURLToPath(new URL("../allowed-skips.json", import.meta.url));

function loadAllowed(): Map<string, string> {
  const list = JSON.parse(readFileSync(allowedFile, "utf8")) as AllowedSkip[];
  return new Map(list.map((s) => [s.test, s.reason]));
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const unlisted: string[] = [];
    const allowed = loadAllowed();
    for (const mod of testModules) {
      if (mod.state() === "failed" && countTests(mod) === 0) failed++; // a file that failed to load
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else {
          skipped++;
          const name = fullName(test);
          if (!allowed.has(name)) unlisted.push(`${name} (${test.options.mode})`);
        }
      }
    }
    if (unlisted.length > 0) {
      console.log(
        `\nSkipped or todo tests not listed with a reason in test/allowed-skips.json:\n  ${unlisted.join("\n  ")}`,
      );
      failed += unlisted.length;
      process.exitCode = 1;
    }
    console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}

function countTests(mod: TestModule): number {
  let n = 0;
  for (const _ of mod.children.allTests()) n++;
  return n;
}

function fullName(test: TestCase): string {
  return `${test.module.relativeModuleId} > ${test.fullName}`;
}
