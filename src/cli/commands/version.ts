import { clientHelloText, DEFAULT_CLIENT_RANGE } from "../../protocol/handshake.js";
import { MAX_CLIENT_VERSION } from "../../protocol/server-versions.js";
import type { CommandDefinition } from "../context.js";
import { packageInfo } from "../package-info.js";

/** `tws version`: the package, Node and protocol versions. Needs no host. */
export const versionCommand: CommandDefinition = {
  name: "version",
  summary: "print the package, Node.js and protocol versions",
  examples: [
    { command: "tws version", description: "show the versions" },
    { command: "tws version --json", description: 'one line {"type":"version",...}' },
  ],
  needsHost: false,
  register(program, ctx) {
    return program
      .command("version")
      .description(
        "Print the tws-ts version, the Node.js version and the range of server versions the client offers in the " +
          "handshake.",
      )
      .action(() => {
        const out = ctx.output();
        const pkg = packageInfo();
        const { min, max } = DEFAULT_CLIENT_RANGE;
        const protocol = clientHelloText(DEFAULT_CLIENT_RANGE);
        if (out.json) {
          out.record("version", {
            name: pkg.name,
            version: pkg.version,
            node: process.versions.node,
            protocol,
            minServerVersion: min,
            maxServerVersion: max,
            newestKnownServerVersion: MAX_CLIENT_VERSION,
          });
          return;
        }
        const { bold, dim } = out.colors;
        out.line(`${bold(pkg.name)} ${pkg.version}`);
        out.line(`node     ${process.versions.node}`);
        out.line(
          `protocol ${protocol} ${dim(`(server versions ${min} to ${max}; newest known ${MAX_CLIENT_VERSION})`)}`,
        );
      });
  },
};
