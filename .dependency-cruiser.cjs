/**
 * The dependency rule of docs/architecture.md, enforced by test/architecture.test.ts:
 * core <- config <- detect <- policy <- (gateway, audit, monitor, redteam, govern) <- server <- cli.
 * store and simulator sit beside: store is reached through repository interfaces; the simulator is a
 * stand-alone fake model server that only the server's demo mode and the CLI start.
 */
const layer = (name, allowed) => ({
  name: `${name}-depends-only-on-lower-layers`,
  severity: "error",
  comment: `src/${name} may import only: ${allowed.join(", ") || "nothing in src"}`,
  // tests and test helpers may reach across layers (an integration test starts the server)
  from: { path: `^src/${name}/`, pathNot: ["\\.test\\.ts$", "/test-support/"] },
  to: {
    path: "^src/",
    pathNot: [`^src/${name}/`, ...allowed.map((other) => `^src/${other}/`)],
  },
});

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    layer("core", []),
    layer("config", ["core"]),
    layer("detect", ["core"]),
    layer("policy", ["core", "config", "detect"]),
    layer("store", ["core"]),
    layer("simulator", ["core"]),
    layer("gateway", ["core", "config", "detect", "policy", "store"]),
    layer("audit", ["core", "config", "store"]),
    layer("monitor", ["core", "config", "store", "audit"]),
    layer("redteam", ["core", "config", "detect", "policy", "store", "simulator"]),
    layer("govern", ["core", "config", "detect", "policy", "store", "audit", "redteam"]),
    layer("server", [
      "core",
      "config",
      "detect",
      "policy",
      "store",
      "simulator",
      "gateway",
      "audit",
      "monitor",
      "redteam",
      "govern",
    ]),
    {
      name: "tests-and-benchmarks-stay-out-of-src",
      severity: "error",
      comment: "production code never imports tests, test support or benchmarks",
      from: { path: "^src/", pathNot: ["\\.test\\.ts$", "/test-support/", "/conformance\\.ts$"] },
      to: { path: ["\\.test\\.ts$", "/test-support/", "^bench/", "^test/"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^dist/", "^node_modules/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"], extensionAlias: { ".js": [".ts", ".js"] } },
  },
};
