import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

describe("the built bin", () => {
  it("node dist/cli/main.js --version prints the package version", () => {
    // `npm test` builds before vitest; run `npm run build` first when running this file alone.
    expect(existsSync(bin), `${bin} is missing: run npm run build`).toBe(true);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { version: string; bin: { tws: string } };
    expect(pkg.bin.tws).toBe("./dist/cli/main.js");
    const out = execFileSync(process.execPath, [bin, "--version"], { cwd: root, encoding: "utf8" });
    expect(out).toBe(`${pkg.version}\n`);
  });
});
