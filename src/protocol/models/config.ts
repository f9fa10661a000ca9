import type {
  ApiConfig,
  ApiPrecautionsConfig,
  ApiSettingsConfig,
  LockAndExitConfig,
  MessageConfig,
  OrdersConfig,
  OrdersSmartRoutingConfig,
  UpdateConfigWarning,
} from "../proto/index.js";

/**
 * TWS configuration as REQ_CONFIG reads it and UPDATE_CONFIG changes it (protobuf only, from server versions
 * 219 / 221; API 10.46 `ConfigRequest`, `ConfigResponse`, `UpdateConfigRequest`, `UpdateConfigResponse`).
 *
 * The sections are the generated protobuf interfaces themselves: every field optional, absent meaning "not
 * reported" in a response and "leave unchanged" in an update. A decoded message holds only the fields that were
 * on the wire (no `undefined` keys, no empty lists), so it re-encodes to the same bytes.
 */
export type {
  ApiConfig,
  ApiPrecautionsConfig,
  ApiSettingsConfig,
  LockAndExitConfig,
  MessageConfig,
  OrdersConfig,
  OrdersSmartRoutingConfig,
  UpdateConfigWarning,
};

/**
 * The configuration sections shared by a CONFIG_RESPONSE and an UPDATE_CONFIG request:
 * - `lockAndExit`: auto-logoff time, period and type;
 * - `messages`: the TWS confirmation dialogs (id, title, text, default action, enabled);
 * - `api`: `precautions` (the order-precaution bypasses) and `settings` (Configure > API > Settings);
 * - `orders`: `smartRouting` defaults.
 */
export interface TwsConfig {
  lockAndExit?: LockAndExitConfig;
  messages?: MessageConfig[];
  api?: ApiConfig;
  orders?: OrdersConfig;
}

/** REQ_CONFIG: the official `reqConfigProtoBuf` takes the protobuf `ConfigRequest`; these are its fields. */
export interface ConfigRequestMessage {
  reqId?: number;
}

/** CONFIG_RESPONSE: the configuration, answering REQ_CONFIG with `reqId`. */
export interface ConfigResponseMessage extends TwsConfig {
  reqId?: number;
}

/**
 * UPDATE_CONFIG: the official `updateConfigProtoBuf` takes the protobuf `UpdateConfigRequest`; these are its
 * fields. Sections hold only what should change. TWS answers with warnings that must be accepted by sending
 * the update again with them in `acceptedWarnings`.
 */
export interface UpdateConfigRequestMessage extends TwsConfig {
  reqId?: number;
  acceptedWarnings?: UpdateConfigWarning[];
  /** Reset the API order id sequence. */
  resetAPIOrderSequence?: boolean;
}

/** What TWS says about an UPDATE_CONFIG (the `updateConfigResponse` callback's second argument). */
export interface UpdateConfigResult {
  /** TWS's verdict on the update, as text. */
  status?: string;
  message?: string;
  /** The settings that changed. */
  changedFields?: string[];
  errors?: string[];
  /** Confirmations TWS wants before it applies the change; send them back in `acceptedWarnings`. */
  warnings?: UpdateConfigWarning[];
}

/** UPDATE_CONFIG_RESPONSE: the outcome of the UPDATE_CONFIG with `reqId`. */
export interface UpdateConfigResponseMessage extends UpdateConfigResult {
  reqId?: number;
}
