import { defineConfig } from 'drizzle-kit';

// drizzle-kit writes flat `drizzle/NNNN_*.sql` files: the Node migrator and
// `wrangler d1 migrations apply` both read them as they are.
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/schema.ts',
  out: './drizzle',
});
