import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../cli/test-support/run-cli-captured.js";
import { loadConfig } from "./load.js";
import { maskConfig, maskSecret, maskUrlPassword } from "./mask.js";

describe("maskConfig: headers", () => {
  it("masks every header value of tracing and of a webhook sink, keeping the names and the scheme", () => {
    const masked = maskConfig({
      tracing: {
        enabled: true,
        endpoint: "http://collector:4318/v1/traces",
        headers: { authorization: "Bearer otlp-secret-1", "x-honeycomb-team": "hc-secret-2" },
      },
      audit: {
        sinks: [
          {
            type: "webhook",
            name: "soc",
            url: "https://soc.example/hook",
            headers: { "X-Api-Key": "soc-secret-3", "x-tenant": "tenant-secret-4", empty: "" },
          },
        ],
      },
    }) as {
      tracing: { headers: Record<string, string>; endpoint: string };
      audit: { sinks: { headers: Record<string, string>; url: string; name: string }[] };
    };
    const text = JSON.stringify(masked);
    for (const secret of ["otlp-secret-1", "hc-secret-2", "soc-secret-3", "tenant-secret-4"])
      expect(text).not.toContain(secret);
    expect(masked.tracing.headers).toEqual({
      authorization: "Bearer ********",
      "x-honeycomb-team": "********",
    });
    expect(masked.audit.sinks[0]?.headers).toEqual({
      "X-Api-Key": "********",
      "x-tenant": "********",
      empty: "",
    });
    expect(masked.tracing.endpoint).toBe("http://collector:4318/v1/traces");
    expect(masked.audit.sinks[0]?.url).toBe("https://soc.example/hook");
    expect(masked.audit.sinks[0]?.name).toBe("soc");
  });

  it("masks secret-named keys anywhere, authorization and cookies included", () => {
    const masked = maskConfig({
      a: { Authorization: "Basic dXNlcjpwYXNz", "x-api-key": "k-1", "x-auth-token": "t-1" },
      b: { cookie: "session=s-1", credentials: "c-1", harmless: "visible" },
    });
    const text = JSON.stringify(masked);
    for (const secret of ["dXNlcjpwYXNz", "k-1", "t-1", "s-1", "c-1"]) expect(text).not.toContain(secret);
    expect(masked).toMatchObject({
      a: { Authorization: "Basic ********" },
      b: { harmless: "visible" },
    });
  });

  it("rampart config print masks header values that came from ${ENV} references", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-mask-"));
    const file = join(dir, "rampart.yaml");
    writeFileSync(
      file,
      [
        "tracing:",
        "  headers: { authorization: 'Bearer ${MASK_TEST_OTLP}' }",
        "audit:",
        "  sinks:",
        "    - { type: webhook, name: soc, url: 'https://soc.example/hook?token=${MASK_TEST_HOOK}', headers: { x-api-key: '${MASK_TEST_SOC}' } }",
        "",
      ].join("\n"),
    );
    process.env.MASK_TEST_OTLP = "otlp-env-secret";
    process.env.MASK_TEST_HOOK = "hook-env-secret";
    process.env.MASK_TEST_SOC = "soc-env-secret";
    try {
      // the loaded configuration holds the secrets; the printed one does not
      const loaded = JSON.stringify(loadConfig({ file }).config);
      expect(loaded).toContain("otlp-env-secret");
      for (const format of [[], ["--json"]]) {
        const printed = await runCliCaptured(["config", "print", "--config", file, ...format]);
        expect(printed.code).toBe(0);
        for (const secret of ["otlp-env-secret", "hook-env-secret", "soc-env-secret"])
          expect(printed.stdout).not.toContain(secret);
        expect(printed.stdout).toContain("Bearer ********");
        expect(printed.stdout).toContain("x-api-key");
        expect(printed.stdout).toContain("https://soc.example/hook?token=********");
      }
    } finally {
      delete process.env.MASK_TEST_OTLP;
      delete process.env.MASK_TEST_HOOK;
      delete process.env.MASK_TEST_SOC;
    }
  });
});

describe("maskSecret and maskUrlPassword", () => {
  it("keeps only a known scheme", () => {
    expect(maskSecret("Bearer abc.def")).toBe("Bearer ********");
    expect(maskSecret("bearer abc")).toBe("bearer ********");
    expect(maskSecret("my secret phrase")).toBe("********");
    expect(maskSecret("Bearer")).toBe("********");
    expect(maskSecret("")).toBe("");
  });

  it("masks URL passwords and secret query parameters, and leaves other URLs as they were", () => {
    expect(maskUrlPassword("redis://:pw@cache:6379/0")).toBe("redis://:********@cache:6379/0");
    expect(maskUrlPassword("https://h.example/x?api_key=k1&page=2&sig=s1")).toBe(
      "https://h.example/x?api_key=********&page=2&sig=********",
    );
    expect(maskUrlPassword("https://h.example/x?access_token=t1")).toBe(
      "https://h.example/x?access_token=********",
    );
    expect(maskUrlPassword("https://h.example/x?q=a%20b&page=2")).toBe("https://h.example/x?q=a%20b&page=2");
    expect(maskUrlPassword("https://h.example/x?token=")).toBe("https://h.example/x?token=");
  });
});
