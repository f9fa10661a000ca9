import { type Execution, isMeaningfulExerciseType } from "../../models/execution.js";
import type { Execution as ExecutionProto } from "../../proto/index.js";

/**
 * The protobuf `Execution` (EXECUTION_DATA from MIN_SERVER_VER_PROTOBUF) and the model. The mapping keeps every
 * field that is on the wire, so a decoded reply re-encodes to its bytes; two fields change shape on the way:
 * `isLiquidation` (bool) is the model's `liquidation` (1 / 0, the text form's int), `isPriceRevisionPending`
 * is `pendingPriceRevision`.
 */

/** A protobuf execution as a model: every field present on the wire is set, nothing else. */
export function executionFromProto(p: ExecutionProto): Execution {
  const e: Execution = {};
  if (p.orderId !== undefined) e.orderId = p.orderId;
  if (p.execId !== undefined) e.execId = p.execId;
  if (p.time !== undefined) e.time = p.time;
  if (p.acctNumber !== undefined) e.acctNumber = p.acctNumber;
  if (p.exchange !== undefined) e.exchange = p.exchange;
  if (p.side !== undefined) e.side = p.side;
  if (p.shares !== undefined) e.shares = p.shares;
  if (p.price !== undefined) e.price = p.price;
  if (p.permId !== undefined) e.permId = p.permId;
  if (p.clientId !== undefined) e.clientId = p.clientId;
  if (p.isLiquidation !== undefined) e.liquidation = p.isLiquidation ? 1 : 0;
  if (p.cumQty !== undefined) e.cumQty = p.cumQty;
  if (p.avgPrice !== undefined) e.avgPrice = p.avgPrice;
  if (p.orderRef !== undefined) e.orderRef = p.orderRef;
  if (p.evRule !== undefined) e.evRule = p.evRule;
  if (p.evMultiplier !== undefined) e.evMultiplier = p.evMultiplier;
  if (p.modelCode !== undefined) e.modelCode = p.modelCode;
  if (p.lastLiquidity !== undefined) e.lastLiquidity = p.lastLiquidity;
  if (p.isPriceRevisionPending !== undefined) e.pendingPriceRevision = p.isPriceRevisionPending;
  if (p.submitter !== undefined) e.submitter = p.submitter;
  if (p.optExerciseOrLapseType !== undefined) e.optExerciseOrLapseType = p.optExerciseOrLapseType;
  return e;
}

/** A model execution as a host writes it in protobuf: every field that is set, nothing else. */
export function executionToProto(e: Execution): ExecutionProto {
  return {
    orderId: e.orderId,
    execId: e.execId,
    time: e.time,
    acctNumber: e.acctNumber,
    exchange: e.exchange,
    side: e.side,
    shares: e.shares,
    price: e.price,
    permId: e.permId,
    clientId: e.clientId,
    isLiquidation: e.liquidation === undefined ? undefined : e.liquidation !== 0,
    cumQty: e.cumQty,
    avgPrice: e.avgPrice,
    orderRef: e.orderRef,
    evRule: e.evRule,
    evMultiplier: e.evMultiplier,
    modelCode: e.modelCode,
    lastLiquidity: e.lastLiquidity,
    isPriceRevisionPending: e.pendingPriceRevision,
    submitter: e.submitter,
    optExerciseOrLapseType: e.optExerciseOrLapseType,
  };
}

/**
 * The execution as the official client hands it to `execDetails`: an exercise type it does not know, or NONE
 * (which TWS sends as -1 on every fill), is the default and so left out.
 */
export function executionForCallback(e: Execution): Execution {
  if (e.optExerciseOrLapseType === undefined || isMeaningfulExerciseType(e.optExerciseOrLapseType)) return e;
  const { optExerciseOrLapseType: _, ...rest } = e;
  return rest;
}
