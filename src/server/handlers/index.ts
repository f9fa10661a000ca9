import { configHandlers } from "./config.js";
import { historicalHandlers } from "./historical.js";
import { historicalMoreHandlers } from "./historical-more.js";
import { marketDataHandlers } from "./market-data.js";
import { newsHandlers } from "./news.js";
import { optionCalculationHandlers } from "./option-calculations.js";
import { referenceHandlers } from "./reference.js";
import { scannerHandlers } from "./scanner.js";
import { sessionHandlers } from "./session.js";
import { streamHandlers } from "./streams.js";
import type { RequestHandler } from "./types.js";

export type { HostState, RequestContext, RequestHandler } from "./types.js";

/** Every request the host serves, by message name. A request missing here gets a 321 naming its feature. */
export const HANDLERS: ReadonlyMap<string, RequestHandler> = new Map(
  Object.entries({
    ...sessionHandlers,
    ...configHandlers,
    ...referenceHandlers,
    ...marketDataHandlers,
    ...optionCalculationHandlers,
    ...streamHandlers,
    ...historicalHandlers,
    ...historicalMoreHandlers,
    ...scannerHandlers,
    ...newsHandlers,
  }),
);
