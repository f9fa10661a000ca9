#!/usr/bin/env node
// Regenerates src/protocol/proto/gen/ from src/protocol/proto/schema/*.proto with buf + ts-proto
// (configuration: src/protocol/proto/buf.yaml and buf.gen.yaml; decision: docs/decisions/0003-protobuf-runtime.md).
// The generated code is committed: building and testing never run this script.
//
//   node scripts/gen-proto.mjs          rewrite src/protocol/proto/gen/
//   node scripts/gen-proto.mjs --check  generate into a temporary folder and fail if gen/ differs from it
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const protoDir = join(root, "src", "protocol", "proto");
const bin = join(root, "node_modules", ".bin");
const check = process.argv.includes("--check");

for (const tool of ["buf", "protoc-gen-ts_proto"]) {
  if (!existsSync(join(bin, tool))) {
    console.error(`gen-proto: ${tool} is missing from node_modules/.bin; run npm ci first`);
    process.exit(1);
  }
}

const outBase = check ? mkdtempSync(join(tmpdir(), "tws-proto-")) : protoDir;
const result = spawnSync(join(bin, "buf"), ["generate", "--output", outBase], {
  cwd: protoDir,
  stdio: "inherit",
  env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ""}` },
});
if (result.status !== 0) {
  console.error(`gen-proto: buf generate failed (${result.error?.message ?? `exit ${result.status}`})`);
  process.exit(1);
}

const list = (dir) => (existsSync(dir) ? readdirSync(dir).sort() : []);
if (check) {
  const fresh = join(outBase, "gen");
  const committed = join(protoDir, "gen");
  const names = [...new Set([...list(fresh), ...list(committed)])];
  const stale = names.filter((name) => {
    const a = join(fresh, name);
    const b = join(committed, name);
    return !existsSync(a) || !existsSync(b) || readFileSync(a, "utf8") !== readFileSync(b, "utf8");
  });
  rmSync(outBase, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`gen-proto: src/protocol/proto/gen is out of date (${stale.length} files differ, e.g. ${stale[0]});`);
    console.error("run npm run proto:gen");
    process.exit(1);
  }
  console.log(`gen-proto: src/protocol/proto/gen is up to date (${names.length} files)`);
} else {
  console.log(`gen-proto: wrote ${list(join(protoDir, "gen")).length} files to src/protocol/proto/gen`);
}
