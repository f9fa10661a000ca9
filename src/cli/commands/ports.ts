import { TWS_PORTS } from "../../protocol/ports.js";
import type { CommandDefinition } from "../context.js";
import { formatTable } from "../output.js";

/** What each default port is for; typed by the keys of TWS_PORTS so a new port cannot be left out. */
const PORT_INFO: Record<keyof typeof TWS_PORTS, { readonly product: string; readonly account: "live" | "paper" }> = {
  twsLive: { product: "TWS", account: "live" },
  twsPaper: { product: "TWS", account: "paper" },
  gatewayLive: { product: "IB Gateway", account: "live" },
  gatewayPaper: { product: "IB Gateway", account: "paper" },
};

/** `tws ports`: the default API ports of TWS and IB Gateway. Needs no host. */
export const portsCommand: CommandDefinition = {
  name: "ports",
  summary: "list the default TWS and IB Gateway API ports",
  examples: [
    { command: "tws ports", description: "a table of the default ports" },
    { command: "tws ports --json", description: 'one line {"type":"port",...} per port' },
  ],
  needsHost: false,
  register(program, ctx) {
    return program
      .command("ports")
      .description(
        "List the API ports TWS and IB Gateway listen on by default. Each can be changed in their API settings; " +
          "connect to one with --port (and --host when not on this machine).",
      )
      .action(() => {
        const out = ctx.output();
        const entries = (Object.keys(TWS_PORTS) as (keyof typeof TWS_PORTS)[]).map((key) => ({
          port: TWS_PORTS[key],
          ...PORT_INFO[key],
          key,
        }));
        if (out.json) {
          for (const { port, product, account, key } of entries) out.record("port", { port, product, account, key });
          return;
        }
        const rows = entries.map(({ port, product, account }) => [String(port), product, account]);
        for (const line of formatTable(["PORT", "PRODUCT", "ACCOUNT"], rows, out.colors)) out.line(line);
      });
  },
};
