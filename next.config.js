/**
 * Next.js configuration. The app is served by server.ts (a custom server that
 * also hosts socket.io), so `next start` is not used.
 * @type {import("next").NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pino loads its transports by path and Prisma's adapter uses pg natively;
  // both work as plain Node modules and break when bundled.
  serverExternalPackages: ["pino", "pino-pretty", "pg", "@prisma/adapter-pg", "bcryptjs"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
