/** `tws-ts/server`: the simulated TWS / IB Gateway host. */
export { TWS_PORTS } from "../protocol/ports.js";
