import path from "node:path";
import type { Config } from "@react-router/dev/config";
import { precompressAssets } from "./server/http/compression";

export default {
  ssr: true,
  // BUILD_DIR lets a second build (another checkout's tests, a benchmark) live beside the main one.
  buildDirectory: process.env.BUILD_DIR ?? "build",
  future: { v8_middleware: true },
  // Built assets are served precompressed (brotli and gzip) by server/http/compression.ts.
  async buildEnd({ reactRouterConfig }) {
    await precompressAssets(path.join(reactRouterConfig.buildDirectory, "client", "assets"));
  },
} satisfies Config;
