import { describe, expect, it } from "vitest";
import { CliError, EXIT_CODES } from "../../src/cli/exit-codes.js";
import {
  DEFAULT_HOST,
  describeTarget,
  parsePort,
  resolveTarget,
  type TargetEnv,
  type TargetOptions,
} from "../../src/cli/target.js";
import { TWS_PORTS } from "../../src/protocol/ports.js";

const { twsLive, twsPaper, gatewayLive, gatewayPaper } = TWS_PORTS;

describe("resolveTarget", () => {
  it.each<[string, TargetOptions, TargetEnv, ReturnType<typeof resolveTarget>]>([
    ["nothing given: embedded", {}, {}, { kind: "embedded" }],
    ["blank environment counts as unset", {}, { TWS_HOST: "", TWS_PORT: " " }, { kind: "embedded" }],
    ["--port alone: localhost", { port: String(twsPaper) }, {}, { kind: "remote", host: DEFAULT_HOST, port: twsPaper }],
    ["--port as a number", { port: twsLive }, {}, { kind: "remote", host: DEFAULT_HOST, port: twsLive }],
    [
      "--host and --port",
      { host: "gw.example", port: String(gatewayPaper) },
      {},
      { kind: "remote", host: "gw.example", port: gatewayPaper },
    ],
    [
      "TWS_PORT alone",
      {},
      { TWS_PORT: String(gatewayLive) },
      { kind: "remote", host: DEFAULT_HOST, port: gatewayLive },
    ],
    [
      "TWS_HOST and TWS_PORT",
      {},
      { TWS_HOST: "10.0.0.5", TWS_PORT: String(gatewayPaper) },
      { kind: "remote", host: "10.0.0.5", port: gatewayPaper },
    ],
    [
      "flags win over environment",
      { host: "a.example", port: String(twsLive) },
      { TWS_HOST: "b.example", TWS_PORT: String(gatewayPaper) },
      { kind: "remote", host: "a.example", port: twsLive },
    ],
    [
      "--port with TWS_HOST",
      { port: String(twsPaper) },
      { TWS_HOST: "b.example" },
      { kind: "remote", host: "b.example", port: twsPaper },
    ],
    [
      "--host with TWS_PORT",
      { host: "a.example" },
      { TWS_PORT: String(gatewayLive) },
      { kind: "remote", host: "a.example", port: gatewayLive },
    ],
    ["IPv6 host", { host: "::1", port: String(gatewayPaper) }, {}, { kind: "remote", host: "::1", port: gatewayPaper }],
  ])("%s", (_name, options, env, expected) => {
    expect(resolveTarget(options, env)).toEqual(expected);
  });

  it.each<[string, TargetOptions, TargetEnv, RegExp]>([
    ["--host without a port", { host: "gw.example" }, {}, /^--host gw\.example needs a port.*7497.*7496.*4002.*4001/],
    ["TWS_HOST without a port", {}, { TWS_HOST: "gw.example" }, /^TWS_HOST gw\.example needs a port/],
    ["empty --host", { host: " ", port: "7497" }, {}, /^--host must not be empty/],
    ["--port 0", { port: "0" }, {}, /^--port must be a port number from 1 to 65535, got '0'/],
    ["--port 65536", { port: "65536" }, {}, /^--port must be/],
    ["--port not a number", { port: "tws" }, {}, /^--port must be/],
    ["--port with a fraction", { port: "7497.5" }, {}, /^--port must be/],
    ["bad TWS_PORT", {}, { TWS_PORT: "-1" }, /^TWS_PORT must be/],
    ["a bad flag is not rescued by a good env", { port: "x" }, { TWS_PORT: "4002" }, /^--port must be/],
  ])("%s is a usage error", (_name, options, env, message) => {
    let error: unknown;
    try {
      resolveTarget(options, env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT_CODES.usage);
    expect((error as CliError).message).toMatch(message);
  });
});

describe("parsePort and describeTarget", () => {
  it("accepts 1 and 65535 and surrounding blanks", () => {
    expect([parsePort("1", "p"), parsePort(" 65535 ", "p"), parsePort(twsPaper, "p")]).toEqual([1, 65535, twsPaper]);
  });

  it("describes targets", () => {
    expect(describeTarget({ kind: "embedded" })).toBe("embedded simulated host");
    expect(describeTarget({ kind: "remote", host: "127.0.0.1", port: twsPaper })).toBe(`127.0.0.1:${twsPaper}`);
    expect(describeTarget({ kind: "remote", host: "::1", port: twsPaper })).toBe(`[::1]:${twsPaper}`);
  });
});
