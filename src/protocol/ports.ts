/** The ports TWS and IB Gateway listen on by default (each can be changed in their API settings). */
export const TWS_PORTS = {
  /** Trader Workstation, live account. */
  twsLive: 7496,
  /** Trader Workstation, paper account. */
  twsPaper: 7497,
  /** IB Gateway, live account. */
  gatewayLive: 4001,
  /** IB Gateway, paper account. */
  gatewayPaper: 4002,
} as const;
