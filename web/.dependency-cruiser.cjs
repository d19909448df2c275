/**
 * The dashboard's dependency rule (../../shared design; enforced by test/architecture.test.ts):
 * routes -> features -> shared (components/, lib/); a feature reaches another feature only through
 * its index.ts; the dashboard imports the browser-safe core contract (src/core/api, src/core/roles.ts)
 * and no server package; no cycles.
 */
module.exports = {
  forbidden: [
    { name: "web-no-circular", severity: "error", from: { path: "^web/src/" }, to: { circular: true } },
    {
      name: "web-imports-only-the-core-contract",
      severity: "error",
      comment:
        "the dashboard may import src/core/api/* and src/core/roles.ts only (no server code, no node: modules)",
      from: { path: "^web/src/" },
      to: { path: "^src/", pathNot: ["^src/core/api/", "^src/core/roles\\.ts$"] },
    },
    {
      name: "web-features-meet-through-their-index",
      severity: "error",
      comment: "a feature reaches another feature only through that feature's index.ts",
      from: { path: "^web/src/features/([^/]+)/" },
      to: {
        path: "^web/src/features/([^/]+)/",
        pathNot: ["^web/src/features/$1/", "^web/src/features/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "web-routes-use-feature-indexes",
      severity: "error",
      comment: "route files mount pages from a feature's index.ts",
      from: { path: "^web/src/routes/" },
      to: { path: "^web/src/features/", pathNot: ["^web/src/features/[^/]+/index\\.ts$"] },
    },
    {
      name: "web-shared-code-stays-below-features",
      severity: "error",
      comment: "components/ and lib/ are shared: they never import a feature or a route",
      from: { path: "^web/src/(components|lib)/" },
      to: { path: "^web/src/(features|routes)/" },
    },
    {
      name: "web-production-code-does-not-import-tests",
      severity: "error",
      from: { path: "^web/src/", pathNot: ["\\.test\\.tsx?$", "^web/src/test/"] },
      to: { path: ["\\.test\\.tsx?$", "^web/src/test/"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^web/dist/", "node_modules", "route-tree\\.gen\\.ts$"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "web/tsconfig.json" },
    enhancedResolveOptions: {
      extensions: [".ts", ".tsx", ".js"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
  },
};
