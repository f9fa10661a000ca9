import type { DepthMktDataDescriptionEntry } from "../../../protocol/messages/depth-and-bars/depth-exchanges.js";
import type { SmartComponent } from "../../../protocol/models/market-data.js";

/**
 * Venues the host lists: the SMART routing group behind a bboExchange (REQ_SMART_COMPONENTS) and the exchanges
 * with market depth (REQ_MKT_DEPTH_EXCHANGES). The exchange letters are the ones commonly shown by TWS's
 * time & sales; the bit numbers are ours (assumption, docs/decisions/0005-instrument-universe.md).
 */
export const SMART_COMPONENTS: readonly SmartComponent[] = [
  ["AMEX", "A"],
  ["BATS", "Z"],
  ["BYX", "Y"],
  ["CHX", "M"],
  ["EDGEA", "J"],
  ["EDGX", "K"],
  ["IEX", "V"],
  ["ISLAND", "Q"],
  ["LTSE", "L"],
  ["MEMX", "U"],
  ["NYSE", "N"],
  ["ARCA", "P"],
  ["PEARL", "H"],
  ["PSX", "X"],
].map(([exchange, exchangeLetter], bitNumber) => ({ bitNumber, exchange, exchangeLetter }));

/** Exchanges with depth: venue, security type, listing exchange, service data type, aggregation group. */
export const DEPTH_EXCHANGES: readonly DepthMktDataDescriptionEntry[] = [
  { exchange: "ISLAND", secType: "STK", listingExch: "NASDAQ", serviceDataType: "Deep2", aggGroup: 1 },
  { exchange: "NYSE", secType: "STK", listingExch: "NYSE", serviceDataType: "Deep", aggGroup: 1 },
  { exchange: "ARCA", secType: "STK", listingExch: "ARCA", serviceDataType: "Deep", aggGroup: 1 },
  { exchange: "BATS", secType: "STK", listingExch: "", serviceDataType: "Deep", aggGroup: 1 },
  { exchange: "IEX", secType: "STK", listingExch: "", serviceDataType: "Deep", aggGroup: 1 },
  { exchange: "IDEALPRO", secType: "CASH", listingExch: "", serviceDataType: "Deep", aggGroup: 4 },
  { exchange: "CME", secType: "FUT", listingExch: "", serviceDataType: "Deep", aggGroup: 2 },
  { exchange: "CBOT", secType: "FUT", listingExch: "", serviceDataType: "Deep", aggGroup: 2 },
  { exchange: "PAXOS", secType: "CRYPTO", listingExch: "", serviceDataType: "Deep", aggGroup: 1 },
];
