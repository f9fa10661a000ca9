import { FieldReader } from "../protocol/field-reader.js";
import { type IncomingMessageName, OutgoingMessageId, outgoingMessageName } from "../protocol/message-ids.js";
import {
  decodeFrame,
  MessageDecodeError,
  specByName,
  specRegistry,
  UnknownMessageIdError,
  UnsupportedMessageError,
} from "../protocol/messages/index.js";
import { requestError, TwsCode, TwsText } from "./errors-table.js";
import { HANDLERS, type RequestContext } from "./handlers/index.js";
import { type PacingMode, RequestPacer } from "./pacing.js";
import { type HostRequest, reqIdOfFrame, reqIdOfValue } from "./request.js";
import { requestClass } from "./request-classes.js";
import type { Session, SessionHost } from "./session.js";

/** Paced requests waiting beyond this many stop the session's socket from being read until they drain. */
const MAX_QUEUED = 1000;

/** A request that could not be decoded: why, and what the error will say. */
interface Undecoded {
  readonly request: HostRequest;
  readonly error: MessageDecodeError;
}

/**
 * The requests of one active session: decoded with the spec registry, counted by the pacer, then checked
 * (read-only mode, client id 0 rules) and handed to their handler. Every failure becomes a TWS error for this
 * session only: 320 when the request cannot be read, 321 when it is refused or its feature is not served yet,
 * 322 when its handler fails.
 */
export class RequestRouter {
  private readonly reader = new FieldReader();
  private readonly pacer: RequestPacer;
  private readonly ctx: RequestContext;

  constructor(
    private readonly session: Session,
    private readonly host: SessionHost,
    mode: PacingMode,
  ) {
    this.pacer = new RequestPacer({
      limit: host.options.requestsPerSecond,
      mode,
      clock: host.state.clock,
      onQueueChange: (queued) => {
        if (queued > MAX_QUEUED) session.throttle(true);
        else if (queued < MAX_QUEUED / 2) session.throttle(false);
      },
    });
    this.ctx = {
      get clientId() {
        return session.clientId;
      },
      get serverVersion() {
        return session.serverVersion;
      },
      host: host.state,
      reply: (name: IncomingMessageName, value: unknown) => session.send(name, value),
      error: (reqId: number, code: number, text: string) => session.sendError(reqId, code, text),
    };
  }

  get pacingMode(): PacingMode {
    return this.pacer.mode;
  }

  dispose(): void {
    this.pacer.dispose();
  }

  /** One request frame's payload (message id included). */
  onFrame(payload: Uint8Array): void {
    const decoded = this.decode(payload);
    const request = "error" in decoded ? decoded.request : decoded;
    const admission = this.pacer.submit(() => this.process(decoded));
    if (admission.kind === "queued") {
      this.session.log("debug", `paced: ${request.name} waits for the rate window (${admission.queued} waiting)`);
      return;
    }
    if (admission.kind !== "rejected") return;
    const { requestsPerSecond } = this.host.options;
    this.session.sendError(
      request.reqId,
      TwsCode.MAX_RATE_EXCEEDED,
      TwsText.maxRate(requestsPerSecond, admission.received, admission.violation),
    );
    if (admission.fatal) {
      this.session.log("warn", `closed after ${admission.violation} request rate violations`);
      this.session.close("end");
    }
  }

  private decode(payload: Uint8Array): HostRequest | Undecoded {
    const sv = this.session.serverVersion;
    try {
      const m = decodeFrame(specRegistry, "client", payload, 0, payload.length, sv, this.reader);
      return {
        name: m.spec.name,
        id: m.id,
        form: m.form,
        value: m.value,
        payload,
        reqId: reqIdOfValue(m.value) ?? reqIdOfFrame(m.spec.name, payload, sv),
      };
    } catch (err) {
      const error =
        err instanceof MessageDecodeError
          ? err
          : new MessageDecodeError(String(err), undefined, undefined, undefined, sv, payload);
      const id = error.id ?? -1;
      const name = error.messageName ?? outgoingMessageName(id) ?? `request id ${id}`;
      // The payload outlives this call only when the request waits for the pacer: keep a copy of its own.
      const copy = Uint8Array.prototype.slice.call(payload);
      const request = {
        name,
        id,
        form: error.form,
        value: undefined,
        payload: copy,
        reqId: reqIdOfFrame(name, copy, sv),
      };
      return { request, error };
    }
  }

  private process(decoded: HostRequest | Undecoded): void {
    if (this.session.state !== "active") return;
    const request = "error" in decoded ? decoded.request : decoded;
    try {
      this.dispatch(request, "error" in decoded ? decoded.error : undefined);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      this.session.log("error", `${request.name} failed: ${why}`);
      const e = requestError("process", request.name, why);
      this.session.sendError(request.reqId, e.code, e.text);
    }
  }

  private dispatch(request: HostRequest, error: MessageDecodeError | undefined): void {
    const { name, reqId } = request;
    const reject = (kind: "read" | "validate", cause: string) => {
      const e = requestError(kind, name, cause);
      this.session.sendError(reqId, e.code, e.text);
    };
    if (error instanceof UnknownMessageIdError) {
      reject("read", `${error.message}: no such TWS API request`);
      return;
    }
    const cls = requestClass(name);
    // Read-only mode refuses by the request's kind, before reading its body.
    if (this.host.options.readOnly && (cls.kind === "order" || cls.kind === "config")) {
      reject("validate", TwsText.readOnly);
      return;
    }
    if (error && !(error instanceof UnsupportedMessageError)) {
      // A form the message does not have, or fields that do not read: TWS's "error reading request".
      reject("read", error.message);
      return;
    }

    const minVersion = specByName("client", name)?.minServerVersion;
    if (minVersion !== undefined && this.session.serverVersion < minVersion) {
      // The official client refuses these itself (its 503); a client that sends one anyway hears why.
      reject(
        "validate",
        `${name} needs server version ${minVersion}, the connection negotiated ${this.session.serverVersion}`,
      );
      return;
    }
    if (request.id === OutgoingMessageId.REQ_AUTO_OPEN_ORDERS && this.session.clientId !== 0) {
      this.session.sendError(reqId, TwsCode.AUTO_BIND_NEEDS_CLIENT_ZERO, TwsText.autoBindNeedsClientZero);
      return;
    }
    const handler = HANDLERS.get(name);
    if (handler && (error === undefined || handler.needsSpec === false)) {
      handler.handle(this.ctx, request);
      return;
    }
    reject("validate", `${cls.feature} (${name}) is not served by the simulated host yet`);
  }
}
