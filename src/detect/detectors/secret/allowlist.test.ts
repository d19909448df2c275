import { describe, expect, it } from "vitest";
import {
  DOCUMENTED_EXAMPLES,
  HEX_DIGEST,
  isAllowlisted,
  lowDiversity,
  PLACEHOLDER_MARKER,
  PLACEHOLDER_VALUES,
  SEQUENTIAL_RUN,
  UUID,
} from "./allowlist.js";
import {
  findAssignments,
  findPemPrivateKeys,
  jwtHeaderDecodes,
  NOT_SECRET_KEY,
  PEM_BEGIN,
  SECRET_KEY_NAME,
} from "./find-structured.js";
import { characterClasses, shannonEntropy } from "./secret-format.js";
import { BASE64, randomBody } from "./test-tokens.js";

describe("secret allowlist patterns", () => {
  it("PLACEHOLDER_MARKER finds placeholder markers and leaves random values alone", () => {
    for (const value of [
      "xxxxxxxx",
      "<your-key>",
      "${TOKEN}",
      "{{ token }}",
      "%API_KEY%",
      "changeme",
      "EXAMPLEKEY",
      "your_api_key_here",
      "REPLACE_WITH_PASSWORD",
      "****",
      "$(PGPASSWORD)",
      "{password}",
      "TokenHere",
    ]) {
      expect(PLACEHOLDER_MARKER.test(value), value).toBe(true);
    }
    expect(PLACEHOLDER_MARKER.test(randomBody(40, 1))).toBe(false);
  });

  it("PLACEHOLDER_VALUES and DOCUMENTED_EXAMPLES", () => {
    expect(PLACEHOLDER_VALUES.has("hunter2")).toBe(true);
    expect(DOCUMENTED_EXAMPLES.has("AKIAIOSFODNN7EXAMPLE")).toBe(true);
  });

  it("HEX_DIGEST and UUID", () => {
    expect(HEX_DIGEST.test("d41d8cd98f00b204e9800998ecf8427e")).toBe(true);
    expect(HEX_DIGEST.test("9fceb02d0ae598e95dc970b74767f19372d61af8")).toBe(true);
    expect(HEX_DIGEST.test("d41d8cd98f00b204e9800998ecf8427")).toBe(false);
    expect(UUID.test("123e4567-e89b-12d3-a456-426614174000")).toBe(true);
    expect(UUID.test("{123e4567-e89b-12d3-a456-426614174000}")).toBe(true);
    expect(UUID.test("123e4567e89b12d3a456426614174000")).toBe(false);
  });

  it("SEQUENTIAL_RUN and lowDiversity", () => {
    expect(SEQUENTIAL_RUN.test("AIzaSyabcdefghijklmnop")).toBe(true);
    expect(SEQUENTIAL_RUN.test(randomBody(30, 2))).toBe(false);
    expect(lowDiversity("AAAAAAAAAAAAAAAAAAAA")).toBe(true);
    expect(lowDiversity("1111")).toBe(true);
    expect(lowDiversity(randomBody(30, 3))).toBe(false);
  });

  it("isAllowlisted allows hashes and UUIDs only for generic formats", () => {
    const digest = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    expect(isAllowlisted(digest, true)).toBe(true);
    expect(isAllowlisted(digest, false)).toBe(false);
  });
});

describe("secret scanners", () => {
  it("PEM_BEGIN and findPemPrivateKeys", () => {
    expect("-----BEGIN OPENSSH PRIVATE KEY-----".match(PEM_BEGIN)).toHaveLength(1);
    expect("-----BEGIN PUBLIC KEY-----".match(PEM_BEGIN)).toBeNull();
    const body = randomBody(128, 4, BASE64);
    const text = `x -----BEGIN EC PRIVATE KEY-----\n${body}\n-----END EC PRIVATE KEY----- y`;
    expect(findPemPrivateKeys(text)).toEqual([{ start: 2, end: text.length - 2 }]);
    expect(findPemPrivateKeys("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----")).toEqual([]);
  });

  it("SECRET_KEY_NAME, NOT_SECRET_KEY and findAssignments", () => {
    expect("db_password".match(SECRET_KEY_NAME)?.[0]).toBe("password");
    expect(NOT_SECRET_KEY.test("password_length")).toBe(true);
    expect(NOT_SECRET_KEY.test("publicToken")).toBe(true);
    expect(NOT_SECRET_KEY.test("db_password")).toBe(false);
    const text = 'db_password = "Zq8!mR2#vX"; token_url = https://x; api_key: ab12cd34ef';
    expect(findAssignments(text).map((span) => text.slice(span.start, span.end))).toEqual([
      "Zq8!mR2#vX",
      "ab12cd34ef",
    ]);
    expect(findAssignments("GITHUB_API_KEY=\nDYNATRACE_API_KEY=")).toEqual([]);
  });

  it("jwtHeaderDecodes", () => {
    const header = Buffer.from('{"alg":"none"}').toString("base64url");
    expect(jwtHeaderDecodes(`${header}.e30.x`)).toBe(true);
    expect(jwtHeaderDecodes("eyJub3QiOiJqd3QifQ.e30.x")).toBe(false);
    expect(jwtHeaderDecodes("%%%.e30.x")).toBe(false);
  });

  it("shannonEntropy and characterClasses", () => {
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
    expect(characterClasses("aB3!")).toBe(4);
    expect(characterClasses("abc")).toBe(1);
  });
});
