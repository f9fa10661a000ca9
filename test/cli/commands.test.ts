import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../../src/cli/exit-codes.js";
import { packageInfo } from "../../src/cli/package-info.js";
import { TWS_PORTS } from "../../src/protocol/ports.js";
import { MAX_CLIENT_VERSION, MIN_CLIENT_VERSION } from "../../src/protocol/server-versions.js";
import { jsonLines, run } from "./run.js";

const ESC = "\u001b[";

describe("tws version", () => {
  it("--json writes one version line", async () => {
    const { code, stdout, stderr } = await run(["version", "--json"]);
    expect({ code, stderr }).toEqual({ code: EXIT_CODES.ok, stderr: "" });
    expect(jsonLines(stdout)).toEqual([
      {
        type: "version",
        name: packageInfo().name,
        version: packageInfo().version,
        node: process.versions.node,
        protocol: `v${MIN_CLIENT_VERSION}..${MAX_CLIENT_VERSION}`,
        minServerVersion: MIN_CLIENT_VERSION,
        maxServerVersion: MAX_CLIENT_VERSION,
        newestKnownServerVersion: MAX_CLIENT_VERSION,
      },
    ]);
  });

  it("prints the versions for people", async () => {
    const { code, stdout } = await run(["version"]);
    expect(code).toBe(EXIT_CODES.ok);
    expect(stdout).toContain(`tws-ts ${packageInfo().version}\n`);
    expect(stdout).toContain(`node     ${process.versions.node}\n`);
    expect(stdout).toContain(`protocol v${MIN_CLIENT_VERSION}..${MAX_CLIENT_VERSION} `);
    expect(stdout).not.toContain(ESC);
  });
});

describe("tws ports", () => {
  it("--json writes one port line per default port, type first", async () => {
    for (const argv of [
      ["ports", "--json"],
      ["--json", "ports"],
    ]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(EXIT_CODES.ok);
      const lines = jsonLines(stdout);
      expect(lines.map((line) => line["port"])).toEqual(Object.values(TWS_PORTS));
      for (const line of lines) {
        expect(Object.keys(line)[0]).toBe("type");
        expect(line["type"]).toBe("port");
      }
      expect(lines[0]).toEqual({
        type: "port",
        port: TWS_PORTS.twsLive,
        product: "TWS",
        account: "live",
        key: "twsLive",
      });
      expect(lines).toContainEqual({
        type: "port",
        port: TWS_PORTS.gatewayPaper,
        product: "IB Gateway",
        account: "paper",
        key: "gatewayPaper",
      });
    }
  });

  it("prints an aligned table", async () => {
    const { stdout } = await run(["ports"]);
    expect(stdout.split("\n")).toEqual([
      "PORT  PRODUCT     ACCOUNT",
      `${TWS_PORTS.twsLive}  TWS         live`,
      `${TWS_PORTS.twsPaper}  TWS         paper`,
      `${TWS_PORTS.gatewayLive}  IB Gateway  live`,
      `${TWS_PORTS.gatewayPaper}  IB Gateway  paper`,
      "",
    ]);
  });

  it("colors only on a terminal, without --no-color and NO_COLOR", async () => {
    expect((await run(["ports"], { isTTY: true })).stdout).toContain(ESC);
    expect((await run(["ports", "--no-color"], { isTTY: true })).stdout).not.toContain(ESC);
    expect((await run(["ports"], { isTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(ESC);
    expect((await run(["ports"], { isTTY: false })).stdout).not.toContain(ESC);
  });
});
