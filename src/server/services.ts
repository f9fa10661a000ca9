/**
 * Host-wide services that keep per-client state (subscriptions, timers). The host tells each one when a client
 * leaves and when it closes, so nothing a client opened outlives it: no timer keeps firing for a gone client.
 */
export interface ClientScopedService {
  /** Forgets every subscription of a client that disconnected. */
  dropClient(clientId: number): void;
  /** Stops every timer; the host is closing. */
  dispose(): void;
}

/** Each host's services, made on first use by the handlers that need them. */
export class HostServices {
  private readonly services = new Map<symbol, ClientScopedService>();

  /** The service under `key`, made by `create` the first time. */
  get<T extends ClientScopedService>(key: symbol, create: () => T): T {
    let s = this.services.get(key);
    if (!s) {
      s = create();
      this.services.set(key, s);
    }
    return s as T;
  }

  dropClient(clientId: number): void {
    for (const s of this.services.values()) s.dropClient(clientId);
  }

  dispose(): void {
    for (const s of this.services.values()) s.dispose();
    this.services.clear();
  }
}
