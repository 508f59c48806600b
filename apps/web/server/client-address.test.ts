import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  }) as unknown as IncomingMessage;

describe("clientAddress", () => {
  it("ignores X-Forwarded-For unless proxies are trusted, since anyone can send it", () => {
    expect(clientAddress(request("10.0.0.9", "1.2.3.4"), 0)).toBe("10.0.0.9");
  });

  it("takes the address our proxy saw, not what the client wrote before it", () => {
    // The client forged "6.6.6.6"; our one proxy appended the real address 1.2.3.4.
    expect(clientAddress(request("10.0.0.1", "6.6.6.6, 1.2.3.4"), 1)).toBe("1.2.3.4");
    expect(clientAddress(request("10.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2"), 2)).toBe("1.2.3.4");
  });

  it("falls back to the peer when the header is missing or shorter than the chain", () => {
    expect(clientAddress(request("10.0.0.1"), 1)).toBe("10.0.0.1");
    expect(clientAddress(request("10.0.0.1", "1.2.3.4"), 3)).toBe("1.2.3.4");
  });
});
