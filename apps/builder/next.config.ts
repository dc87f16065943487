import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: ["@voxchart/flow", "@voxchart/engine", "@voxchart/db"],
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-libsql", "@prisma/adapter-pg", "@libsql/client", "libsql", "pg"],
  typedRoutes: false,
  devIndicators: false,
};

export default config;
