import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./harness/shared.js";

/** What a user installs: every export target exists, the package holds what a user needs and no tests. */
const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as {
  exports: Record<string, string | Record<string, string>>;
  bin: Record<string, string>;
};

describe("the package", () => {
  it("has every exports target built (npm test builds before the tests run)", () => {
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)));
    expect(targets.length).toBeGreaterThanOrEqual(9);
    for (const t of targets) expect(existsSync(join(projectRoot, t)), t).toBe(true);
  });

  it("has a runnable tws bin with a shebang", () => {
    const bin = join(projectRoot, pkg.bin.tws!);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
  });

  it("resolves tws-ts, tws-ts/protocol, tws-ts/client and tws-ts/server by name", () => {
    const script = [
      "const root = await import('tws-ts');",
      "const protocol = await import('tws-ts/protocol');",
      "const client = await import('tws-ts/client');",
      "const server = await import('tws-ts/server');",
      "console.log(JSON.stringify([typeof root.TWS_PORTS, typeof protocol.FrameDecoder, typeof client.TWS_PORTS, typeof server.TWS_PORTS]));",
    ].join("\n");
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: projectRoot });
    expect(JSON.parse(out.toString())).toEqual(["object", "function", "object", "object"]);
  });

  it("packs what a user needs and no tests", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "ignore"],
    });
    const files = (JSON.parse(out.toString()) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    for (const need of [
      "package.json",
      "README.md",
      "LICENSE",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/cli/main.js",
    ]) {
      expect(files).toContain(need);
    }
    expect(files.some((f) => f.startsWith("dist/protocol/"))).toBe(true);
    expect(files.filter((f) => /\.test\.|^test\/|^bench\/|^\.ci\//.test(f))).toEqual([]);
  });
});
