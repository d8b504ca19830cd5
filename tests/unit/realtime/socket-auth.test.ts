import { describe, expect, it } from "vitest";
import { parseCookies } from "../../../lib/realtime/socket-auth";

describe("parseCookies", () => {
  it("splits and decodes cookies", () => {
    expect(parseCookies("a=1; next-auth.session-token=abc%3D; b=x y")).toEqual({
      a: "1",
      "next-auth.session-token": "abc=",
      b: "x y",
    });
  });

  it("returns nothing for a missing header", () => {
    expect(parseCookies(undefined)).toEqual({});
  });

  it("keeps a value that is not valid percent-encoding", () => {
    expect(parseCookies("a=%E0%A4%A")).toEqual({ a: "%E0%A4%A" });
  });

  it("skips parts without a name", () => {
    expect(parseCookies("=x; ; b=2")).toEqual({ b: "2" });
  });
});
