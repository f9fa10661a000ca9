import type { GoldenVector } from "./types.js";

/** Market data messages. */
export const vectors: GoldenVector[] = [
  {
    message: "TICK_PRICE",
    sender: "host",
    sv: 176,
    frame: "1|6|1|1|100.5|200|3|",
    source: "official-python-10.46.01",
    callbacks: [
      ["tickPrice", 1, 1, 100.5, { canAutoExecute: true, pastLimit: true }],
      ["tickSize", 1, 0, "200"],
    ],
  },
  {
    message: "TICK_SIZE",
    sender: "host",
    sv: 176,
    frame: "2|6|1|0|300|",
    source: "official-python-10.46.01",
    callbacks: [["tickSize", 1, 0, "300"]],
  },
  {
    message: "TICK_STRING",
    sender: "host",
    sv: 176,
    frame: "46|6|1|45|1700000000|",
    source: "official-python-10.46.01",
    callbacks: [["tickString", 1, 45, "1700000000"]],
  },
  {
    message: "TICK_GENERIC",
    sender: "host",
    sv: 176,
    frame: "45|6|1|49|0.0|",
    source: "official-python-10.46.01",
    callbacks: [["tickGeneric", 1, 49, 0.0]],
  },
];
