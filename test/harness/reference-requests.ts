import type { Contract } from "../../src/protocol/models/contract.js";
import type { TestClient } from "./test-client.js";

/** What a REQ_CONTRACT_DATA got: the details (of CONTRACT_DATA or BOND_CONTRACT_DATA) up to CONTRACT_DATA_END, or the error that ended it. */
export interface DetailsAnswer {
  // biome-ignore lint/suspicious/noExplicitAny: tests read the decoded fields by name
  readonly details: any[];
  readonly error?: { code: number; text: string };
}

/** Sends REQ_CONTRACT_DATA and collects its answer. */
export async function contractDetails(c: TestClient, reqId: number, contract: Contract): Promise<DetailsAnswer> {
  c.send("REQ_CONTRACT_DATA", { reqId, contract });
  const details = [];
  for (;;) {
    const m = await c.take((r) => r.value?.reqId === reqId);
    if (m.name === "CONTRACT_DATA" || m.name === "BOND_CONTRACT_DATA") details.push(m.value.contractDetails);
    else if (m.name === "CONTRACT_DATA_END") return { details };
    else if (m.name === "ERR_MSG") return { details, error: { code: m.value.errorCode, text: m.value.errorString } };
    else throw new Error(`unexpected ${m.name} for request ${reqId}`);
  }
}
