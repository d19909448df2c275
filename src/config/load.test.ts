import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRampartError } from "../core/index.js";
import { checkConfig, loadConfig } from "./load.js";
import { maskConfig, maskUrlPassword } from "./mask.js";

function writeConfig(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "rampart-config-"));
  const file = join(dir, "rampart.yaml");
  writeFileSync(file, text);
  return { dir, file };
}

function issuesOf(text: string, env: NodeJS.ProcessEnv = {}): string[] {
  const { file, dir } = writeConfig(text);
  const result = checkConfig({ file, env, cwd: dir });
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

describe("loadConfig", () => {
  it("uses the documented defaults when there is no file", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-empty-"));
    const { config, file } = loadConfig({ cwd: dir, env: {} });
    expect(file).toBeUndefined();
    expect(config.server.host).toBe("127.0.0.1");
    expect(config.server.port).toBe(8787);
    expect(config.storage.url).toBe("sqlite:./rampart.db");
    expect(config.redis.url).toBeUndefined();
    expect(config.upstreams).toEqual([]);
    expect(config.audit.retentionDays).toBe(180);
  });

  it("freezes the parsed configuration", () => {
    const { file, dir } = writeConfig("upstreams:\n  - name: local\n    url: http://127.0.0.1:8000\n");
    const { config } = loadConfig({ file, cwd: dir, env: {} });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.upstreams[0])).toBe(true);
    expect(config.upstreams[0]?.models).toEqual(["*"]);
  });

  it("lists every error with its path", () => {
    const issues = issuesOf(
      [
        "server:",
        "  port: 99999",
        "  colour: blue",
        "upstreams:",
        "  - name: a",
        "    url: not-a-url",
        "  - url: http://x",
      ].join("\n"),
    );
    expect(issues).toContain("server.port: must be a port number (0-65535)");
    expect(issues).toContain("server.colour: unknown key");
    expect(issues).toContain("upstreams[0].url: must be a URL (http:// or https://)");
    expect(issues.some((issue) => issue.startsWith("upstreams[1].name:"))).toBe(true);
  });

  it("reports invalid YAML with its line", () => {
    const issues = issuesOf("server:\n  port: [1, 2\n");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^line \d+, column \d+: invalid YAML/);
  });

  it("rejects a document that is not a mapping", () => {
    expect(issuesOf("- a\n- b\n")).toEqual(["(root): must be a mapping of settings (key: value)"]);
  });

  it("reports duplicate upstream names", () => {
    const issues = issuesOf("upstreams:\n  - {name: a, url: 'http://x'}\n  - {name: a, url: 'http://y'}\n");
    expect(issues).toEqual(['upstreams[1].name: duplicates upstreams[0].name "a"']);
  });

  it("substitutes ${VAR} references and reports unset ones", () => {
    const text = "upstreams:\n  - name: a\n    url: ${UPSTREAM_URL}\n    apiKey: ${MISSING_KEY}\n";
    expect(issuesOf(text, { UPSTREAM_URL: "http://127.0.0.1:1" })).toEqual([
      "upstreams[0].apiKey: environment variable MISSING_KEY is not set",
    ]);
    const { file, dir } = writeConfig(
      "upstreams:\n  - name: a\n    url: ${UPSTREAM_URL:-http://fallback:9}\n    apiKey: $${LITERAL}\n",
    );
    const { config } = loadConfig({ file, cwd: dir, env: {} });
    expect(config.upstreams[0]?.url).toBe("http://fallback:9");
    expect(config.upstreams[0]?.apiKey).toBe("${LITERAL}");
  });

  it("applies RAMPART_* overrides over the file and checks their types", () => {
    const { file, dir } = writeConfig("server:\n  port: 9000\n");
    const { config } = loadConfig({
      file,
      cwd: dir,
      env: {
        RAMPART_SERVER_PORT: "9100",
        RAMPART_STORAGE_URL: "postgres://u@db/x",
        RAMPART_TRUST_PROXY: "true",
      },
    });
    expect(config.server.port).toBe(9100);
    expect(config.storage.url).toBe("postgres://u@db/x");
    expect(config.server.trustProxy).toBe(true);
    expect(issuesOf("{}", { RAMPART_SERVER_PORT: "eighty" })).toEqual([
      'RAMPART_SERVER_PORT: must be a number, got "eighty"',
    ]);
  });

  it("throws config_not_found for a missing explicit file", () => {
    try {
      loadConfig({ file: "/nonexistent/rampart.yaml", env: {} });
      expect.unreachable();
    } catch (error) {
      expect(isRampartError(error) && error.code).toBe("config_not_found");
    }
  });

  it("throws one config_invalid error that lists the issues", () => {
    const { file, dir } = writeConfig("storage:\n  url: mysql://x\n");
    expect(() => loadConfig({ file, cwd: dir, env: {} })).toThrow(/storage\.url: must start with sqlite:/);
  });
});

describe("maskConfig", () => {
  it("hides secrets and URL passwords but keeps the rest", () => {
    const masked = maskConfig({
      storage: { url: "postgres://app:hunter2@db:5432/rampart" },
      upstreams: [{ name: "a", url: "http://x", apiKey: "sk-live-123" }],
    });
    const text = JSON.stringify(masked);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("sk-live-123");
    expect(text).toContain("postgres://app:********@db:5432/rampart");
    expect(text).toContain('"name":"a"');
  });

  it("leaves URLs without a password alone", () => {
    expect(maskUrlPassword("http://127.0.0.1:8000/v1")).toBe("http://127.0.0.1:8000/v1");
    expect(maskUrlPassword("not a url")).toBe("not a url");
  });
});
