import { defineConfig } from 'prisma/config';

// The native schema engine is never used here (see scripts/prisma-offline.ts); this file tells
// the Prisma CLI where the schema and migrations live for `generate` and for teams that do have it.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/tandem' },
});
