// Review of issue 11 item 1: query-string names come from outside and are keys of the object the API validates.
// A name like `__proto__` or `toString` must be a plain key with the client's values, never reach (or
// replace) the object's prototype: `?__proto__=a&__proto__=b` used to make the query object inherit from
// an array, and `?toString=x` came back as [Object.prototype.toString, "x"].
import { describe, expect, it } from "vitest";
import { searchParamsToObject } from "@/lib/api/request";

describe("searchParamsToObject with hostile names", () => {
  it("keeps __proto__, constructor and toString as ordinary keys holding what the client sent", () => {
    const q = searchParamsToObject(new URLSearchParams("__proto__=a&__proto__=b&constructor=c&toString=d&toString=e&limit=5"));
    expect(Object.getPrototypeOf(q) === null || Object.getPrototypeOf(q) === Object.prototype).toBe(true);
    expect(Object.entries(q)).toEqual([
      ["__proto__", ["a", "b"]],
      ["constructor", "c"],
      ["toString", ["d", "e"]],
      ["limit", "5"],
    ]);
    expect(({} as Record<string, unknown>).limit).toBeUndefined();
  });
});
