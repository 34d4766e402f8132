/** @type {import('next').NextConfig} */
const nextConfig = {
  // The tests build into their own folder, so `npm test` never replaces the
  // build that a running `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // No agent files or upgrade checks written into the repository by `next dev`.
  agentRules: false,
  // Server actions take up to 2 MB (a long `ss` paste, a large request); the schemas set the real limits.
  experimental: { agentUpgrade: false, serverActions: { bodySizeLimit: "2mb" } },
  poweredByHeader: false,
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs"],
  // No framing (the sign-off buttons must not be clickjacked), no sniffing, no referrer leaks.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
