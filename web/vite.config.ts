import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The dashboard: built into web/dist, which `rampart serve` serves at /. */
export default defineConfig({
  root: here("."),
  plugins: [
    tanstackRouter({
      target: "react",
      autoCodeSplitting: true,
      routesDirectory: here("./src/routes"),
      generatedRouteTree: here("./src/route-tree.gen.ts"),
      quoteStyle: "double",
    }),
    react(),
    tailwindcss(),
  ],
  resolve: {
    alias: {
      "@/": here("./src/"),
      "@core/": here("../src/core/"),
    },
  },
  build: {
    rollupOptions: {
      // Our modules have no import-time side effects (CSS aside), so a route's loader that imports a
      // feature's query factories through its index.ts does not pull the feature's components into
      // the entry chunk; the components stay in the route's lazy chunk.
      treeshake: {
        moduleSideEffects: (id: string) =>
          !id.includes("/web/src/") || id.endsWith(".css") || id.endsWith("main.tsx"),
      },
    },
    outDir: here("./dist"),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite --config web/vite.config.ts` with `rampart serve --demo` running on 8787
    proxy: { "/api": "http://127.0.0.1:8787" },
  },
});
