import { defineConfig } from "prisma/config";

// The CLI reads the URL from here since Prisma 7. `generate` never connects,
// so a placeholder keeps it working on a machine without DATABASE_URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/swiftcloud",
  },
});
