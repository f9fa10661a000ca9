#!/usr/bin/env node
// Layer rule: every import under src/ points downward (DESIGN.md "One codec, two ends").
// protocol/ is pure and shared; server/ must never see client/ or api/, so the host cannot
// accidentally agree with our own client on a mistake.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "src");

/** Which top-level folders under src/ each layer may import from. */
const allowed = {
  protocol: ["protocol"],
  client: ["protocol", "client"],
  server: ["protocol", "server"],
  api: ["protocol", "client", "api"],
  cli: ["protocol", "client", "server", "api", "cli", "."],
  ".": ["protocol", "client", "server", "api", "."],
};

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|mts)$/.test(name)) yield path;
  }
}

const importRe = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const problems = [];
for (const file of files(root)) {
  const rel = relative(root, file);
  const layer = rel.includes(sep) ? rel.split(sep)[0] : ".";
  const ok = allowed[layer];
  if (!ok) continue;
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2];
    if (!spec?.startsWith(".")) {
      if (spec && /^tws-ts(\/|$)/.test(spec))
        problems.push(`${rel}: imports the package by name (${spec}); use a relative path`);
      continue;
    }
    const target = relative(root, resolve(dirname(file), spec));
    if (target.startsWith("..")) {
      // Tests beside their source may use the shared test harness; shipped code may not leave src/.
      if (/\.test\.ts$/.test(file)) continue;
      problems.push(`${rel}: imports ${spec}, outside src/`);
      continue;
    }
    const targetLayer = target.includes(sep) ? target.split(sep)[0] : ".";
    if (!ok.includes(targetLayer)) {
      problems.push(`${rel}: layer '${layer}' may not import '${targetLayer}' (${spec}); allowed: ${ok.join(", ")}`);
    }
  }
}
if (problems.length > 0) {
  console.error(`Layer rule broken (see scripts/check-layers.mjs):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
