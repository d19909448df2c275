import { createHash } from "node:crypto";
import fc from "fast-check";
import { expect, it } from "vitest";
import { contentCommitment } from "./content-protection.js";

/** The definition: SHA-256 of the salt's 16 bytes followed by the body's UTF-8. */
function reference(salt: string, body: string): string {
  return createHash("sha256").update(Buffer.from(salt, "hex")).update(body, "utf8").digest("hex");
}

it("is SHA-256 of salt || UTF-8 body for any body, short or long, any script, and any salt text", () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 16, maxLength: 16 }),
      fc.oneof(fc.string(), fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "binary" })),
      (saltBytes, body) => {
        const salt = Buffer.from(saltBytes).toString("hex");
        expect(contentCommitment(salt, body)).toBe(reference(salt, body));
      },
    ),
    { numRuns: 500 },
  );
  // a body larger than the reused buffer, one past its limit, and salts that are not 16 hex bytes
  const salt = "00112233445566778899aabbccddeeff";
  for (const body of ["é".repeat(20_000), "🛡".repeat(40_000), "x".repeat(256 * 1024 + 1)])
    expect(contentCommitment(salt, body)).toBe(reference(salt, body));
  for (const odd of ["", "abc", "zz112233445566778899aabbccddeeff", `${salt}00`])
    expect(contentCommitment(odd, "body")).toBe(reference(odd, "body"));
});
