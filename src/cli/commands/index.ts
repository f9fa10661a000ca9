import type { CommandDefinition } from "../context.js";
import { barsCommand } from "./bars.js";
import { chainCommand } from "./chain.js";
import { contractCommand } from "./contract.js";
import { decodeCommand } from "./decode.js";
import { demoCommand } from "./demo.js";
import { depthCommand } from "./depth.js";
import { newsCommand } from "./news.js";
import { portsCommand } from "./ports.js";
import { quoteCommand } from "./quote.js";
import { recordCommand } from "./record.js";
import { scanCommand } from "./scan.js";
import { simCommand } from "./sim.js";
import { versionCommand } from "./version.js";

/** Every `tws` command, in the order `tws --help` lists them. Add a command here (see docs/cli.md). */
export const COMMANDS: readonly CommandDefinition[] = [
  demoCommand,
  versionCommand,
  portsCommand,
  quoteCommand,
  barsCommand,
  contractCommand,
  chainCommand,
  depthCommand,
  scanCommand,
  newsCommand,
  decodeCommand,
  recordCommand,
  simCommand,
];
