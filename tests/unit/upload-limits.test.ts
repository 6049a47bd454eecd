// Forms that post files to server actions refuse, in the browser and in the user's words, what Next would cut
// off at serverActions.bodySizeLimit with a generic error page (issue 11).
import { describe, expect, it, vi } from "vitest";
import nextConfig from "@/next.config";
import {
  ACTION_BODY_LIMIT,
  ACTION_BODY_LIMIT_BYTES,
  actionBodyTooLarge,
  exceedsActionBodyLimit,
  withActionBodyLimit,
} from "@/lib/files/limits";

const file = (bytes: number, name = "foto.jpg") => new File([new Uint8Array(bytes)], name, { type: "image/jpeg" });

describe("server action body limit in the browser", () => {
  it("is the limit next.config.ts gives Next", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(ACTION_BODY_LIMIT);
    expect(ACTION_BODY_LIMIT_BYTES).toBe(6 * 1024 * 1024);
  });

  it("counts every file of a multi-file input (two 4 MB photos are over, one is not)", () => {
    const one = new FormData();
    one.append("name", "Kain batik");
    one.append("photos", file(4 * 1024 * 1024));
    expect(exceedsActionBodyLimit(one)).toBe(false);
    one.append("photos", file(4 * 1024 * 1024, "kedua.jpg"));
    expect(exceedsActionBodyLimit(one)).toBe(true);
  });

  it("refuses an oversized form without calling the server action, with the message on the file field", async () => {
    type Result = { ok: true; data: { id: string } } | ReturnType<typeof actionBodyTooLarge>;
    const action = vi.fn(async (): Promise<Result> => ({ ok: true, data: { id: "x" } }));
    const guarded = withActionBodyLimit(action, () => actionBodyTooLarge("Berkas terlalu besar untuk dikirim sekaligus", "photos"));
    const big = new FormData();
    big.append("photos", file(7 * 1024 * 1024));
    expect(await guarded(null, big)).toEqual({
      ok: false,
      error: {
        code: "payload_too_large",
        message: "Berkas terlalu besar untuk dikirim sekaligus",
        fields: { photos: ["Berkas terlalu besar untuk dikirim sekaligus"] },
      },
    });
    expect(action).not.toHaveBeenCalled();
    const small = new FormData();
    small.append("photos", file(1024));
    expect(await guarded(null, small)).toEqual({ ok: true, data: { id: "x" } });
    expect(action).toHaveBeenCalledTimes(1);
  });
});
