/** @type {import('next').NextConfig} */
const nextConfig = {
  // No agent files or upgrade checks written into the repository by `next dev`.
  agentRules: false,
  experimental: { agentUpgrade: false },
  poweredByHeader: false,
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs"],
};

module.exports = nextConfig;
