import { describe, expect, it } from "vitest";
import { TickType } from "../../src/protocol/models/tick-type.js";
import { hostFixture } from "../harness/host-fixture.js";

const fx = hostFixture();
const AAPL = { conId: 0, symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };

describe("host.faults.halt", () => {
  it.each([176, 214])("sends HALTED 1 to a stream of the symbol and HALTED 0 on resume, at %i", async (sv) => {
    const { host } = await fx.start({ seed: 3 });
    const c = await fx.ready(host, 1, { max: sv });
    c.send("REQ_MKT_DATA", {
      reqId: 7,
      contract: AAPL,
      genericTickList: "",
      snapshot: false,
      regulatorySnapshot: false,
      mktDataOptions: [],
    });
    await c.take("TICK_REQ_PARAMS");
    const halted = (value: number) => (m: { name: string; value: Record<string, unknown> }) =>
      m.name === "TICK_GENERIC" && m.value.tickType === TickType.HALTED && m.value.value === value;
    host.faults.halt("AAPL");
    expect((await c.take(halted(1))).value).toMatchObject({ reqId: 7, tickType: TickType.HALTED, value: 1 });
    host.faults.resume("AAPL");
    expect((await c.take(halted(0))).value).toMatchObject({ reqId: 7, tickType: TickType.HALTED, value: 0 });
  });
});
