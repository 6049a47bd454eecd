import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { isJsonContentType, readJsonBody } from "@/lib/api/body";

function req(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  const init: RequestInit & { duplex?: "half" } = { method: "POST", body, headers };
  if (body instanceof ReadableStream) init.duplex = "half";
  return new Request("http://rantai.test/api/v1/x", init);
}

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error("expected a DomainError");
}

describe("readJsonBody", () => {
  it("parses JSON objects, arrays and scalars", async () => {
    expect(await readJsonBody(req('{"a":1,"b":[true,null]}'))).toEqual({ a: 1, b: [true, null] });
    expect(await readJsonBody(req("[1,2]"))).toEqual([1, 2]);
    expect(await readJsonBody(req('"x"'))).toBe("x");
  });

  it("reads an empty body as {} so validation can list the missing fields", async () => {
    expect(await readJsonBody(req(null, {}))).toEqual({});
    expect(await readJsonBody(req("  \n"))).toEqual({});
  });

  it("accepts charset parameters and +json media types", async () => {
    expect(await readJsonBody(req("{}", { "content-type": "application/json; charset=UTF-8" }))).toEqual({});
    expect(await readJsonBody(req("{}", { "content-type": "application/merge-patch+json" }))).toEqual({});
    expect(isJsonContentType("text/json")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });

  it.each([
    ["{", "truncated"],
    ["{'a': 1}", "single quotes"],
    ['{"a": 1,}', "trailing comma"],
    ["undefined", "not JSON at all"],
  ])("rejects malformed JSON (%s: %s) as invalid_input", async (text) => {
    const err = await rejection(readJsonBody(req(text)));
    expect(err.code).toBe("invalid_input");
    expect(err.messageKey).toBe("errors.malformedJson");
  });

  it("rejects bytes that are not UTF-8", async () => {
    const err = await rejection(readJsonBody(req(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))));
    expect(err.messageKey).toBe("errors.malformedJson");
  });

  it("rejects a non-JSON content type (form posts, text, none)", async () => {
    const variants: Record<string, string>[] = [
      { "content-type": "application/x-www-form-urlencoded" },
      { "content-type": "text/plain" },
      {},
    ];
    for (const headers of variants) {
      const err = await rejection(readJsonBody(req('{"a":1}', headers)));
      expect(err.code).toBe("invalid_input");
      expect(err.messageKey).toBe("errors.jsonContentType");
    }
  });

  it("rejects a body over the limit by its declared length with 413, without reading it", async () => {
    const r = new Request("http://rantai.test/x", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json", "content-length": String(2 * 1024 * 1024) },
    });
    const err = await rejection(readJsonBody(r));
    expect(err.code).toBe("payload_too_large");
    expect(err.messageKey).toBe("errors.bodyTooLarge");
  });

  it("rejects a streamed body once it passes the limit (no Content-Length)", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1000) controller.close();
        else controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
      },
    });
    const err = await rejection(readJsonBody(req(stream), { maxBytes: 10 * 1024 }));
    expect(err.code).toBe("payload_too_large"); // 413, not 400 (issue 11)
    expect(err.messageKey).toBe("errors.bodyTooLarge");
    expect(pulled).toBeLessThan(50); // stopped early, did not buffer the whole megabyte
  });

  it("accepts a body of exactly the limit", async () => {
    const text = JSON.stringify({ s: "x".repeat(100 - 8) });
    expect(text.length).toBe(100);
    expect(await readJsonBody(req(text), { maxBytes: 100 })).toEqual({ s: "x".repeat(92) });
  });
});
