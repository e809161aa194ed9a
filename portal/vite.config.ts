import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

// Tells Remix's types that loaders are serialised with single fetch (turned on below).
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
      },
    }),
    tsconfigPaths(),
  ],
  // @apollo/client 3 has no "exports" map, so Node cannot import its subpaths as ES modules;
  // bundling it into the server build sidesteps that.
  ssr: { noExternal: [/^@apollo\/client/] },
});
