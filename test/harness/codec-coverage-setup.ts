import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll } from "vitest";
import { type CodecEvent, codecInstrumentation } from "../../src/protocol/messages/codec.js";

/**
 * Records which (message, form, server version, operation) the codec performed while a test file ran, when
 * `npm run coverage:protocol` asks for it (TWS_CODEC_COVERAGE_DIR). A no-op otherwise.
 */
const dir = process.env.TWS_CODEC_COVERAGE_DIR;
if (dir) {
  const seen = new Map<string, CodecEvent>();
  codecInstrumentation.observer = (e) => {
    const key = `${e.direction}|${e.id}|${e.form}|${e.serverVersion}|${e.op}`;
    if (!seen.has(key)) seen.set(key, e);
  };
  afterAll(() => {
    writeFileSync(join(dir, `${randomUUID()}.json`), JSON.stringify([...seen.values()]));
  });
}
