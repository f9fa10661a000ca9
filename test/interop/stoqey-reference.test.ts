import { type ContractDetails, EventName, IBApi, SecType } from "@stoqey/ib";
import { afterEach, describe, expect, it } from "vitest";
import { type SimulatedHost, startSimulatedHost, steppedClock } from "../../src/server/index.js";

/** @stoqey/ib 1.6.10 gets contract details from the simulated host (its own decoder, at its version 193). */
let host: SimulatedHost | undefined;
const apis: IBApi[] = [];

afterEach(async () => {
  for (const api of apis.splice(0)) api.disconnect();
  await host?.close();
  host = undefined;
});

/** Connects, asks for contract details once connected, and resolves with what arrived up to the end (or error). */
function details(contract: { conId?: number; symbol?: string; secType?: SecType }): Promise<{
  details: ContractDetails[];
  error?: number;
}> {
  const api = new IBApi({ host: host!.host, port: host!.port, clientId: apis.length + 1 });
  apis.push(api);
  const got: ContractDetails[] = [];
  return new Promise((resolve, reject) => {
    api.once(EventName.disconnected, () => reject(new Error("disconnected before the answer")));
    api.on(EventName.contractDetails, (_reqId: number, d: ContractDetails) => got.push(d));
    api.on(EventName.contractDetailsEnd, () => resolve({ details: got }));
    api.on(EventName.error, (_err: Error, code: number, reqId: number) => {
      if (reqId === 7) resolve({ details: got, error: code });
    });
    api.once(EventName.nextValidId, () => api.reqContractDetails(7, contract));
    api.connect();
  });
}

describe("@stoqey/ib reads the host's reference data", () => {
  it("AAPL by conId, ES futures by symbol, and 200 for an unknown symbol", async () => {
    host = await startSimulatedHost({ clock: steppedClock(), log: () => {} });
    const aapl = await details({ conId: 265598 });
    expect(aapl.details).toHaveLength(1);
    expect(aapl.details[0]!.contract).toMatchObject({
      conId: 265598,
      symbol: "AAPL",
      primaryExch: "NASDAQ",
      tradingClass: "NMS",
    });
    expect(aapl.details[0]).toMatchObject({ minTick: 0.01, timeZoneId: "US/Eastern" });
    expect(aapl.details[0]!.marketRuleIds?.split(",").every((r) => r === "26")).toBe(true);
    const es = await details({ symbol: "ES", secType: SecType.FUT });
    expect(es.details.map((d) => d.contract.localSymbol)).toEqual(["ESZ6", "ESH7", "ESM7", "ESU7"]);
    expect(await details({ symbol: "NOSUCH", secType: SecType.STK })).toEqual({ details: [], error: 200 });
  });
});
