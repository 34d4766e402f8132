// Proves the CLI adapter's fixes against the real PostgreSQL (see migrate-adapter.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { migrateAdapter } from "./migrate-adapter";
import { PrismaPg } from "@prisma/adapter-pg";

const SERVER = process.env.TEST_PG_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
const DB = `nop_adapter_test_${process.pid}_${Date.now()}`;
const url = `${SERVER}/${DB}`;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
const databases = () =>
  admin(async (c) => (await c.query("SELECT datname FROM pg_database")).rows.map((r) => r.datname as string));
const q = (sql: string) => ({ sql, args: [], argTypes: [] });

beforeAll(() => admin((c) => c.query(`CREATE DATABASE "${DB}"`)));
afterAll(() => admin((c) => c.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`)));

describe("migrateAdapter", () => {
  it("reads Postgres name and \"char\" columns, which plain adapter-pg cannot", async () => {
    const sql = "SELECT relname, relkind FROM pg_class WHERE relname = 'pg_class'";
    const plain = await new PrismaPg({ connectionString: url }).connect();
    await expect(plain.queryRaw(q(sql))).rejects.toThrow();
    await plain.dispose();

    const adapter = await migrateAdapter(url).connect();
    const res = await adapter.queryRaw(q(sql));
    expect(res.rows).toEqual([["pg_class", "r"]]);
    await adapter.dispose();
  });

  it("reads name[] columns as text arrays", async () => {
    const adapter = await migrateAdapter(url).connect();
    const res = await adapter.queryRaw(q("SELECT ARRAY['a','b']::name[] AS names"));
    expect(res.rows[0][0]).toEqual(["a", "b"]);
    await adapter.dispose();
  });

  it("creates the shadow database as a separate database and drops it on dispose", async () => {
    const factory = migrateAdapter(url);
    const shadow = await factory.connectToShadowDb();
    const res = await shadow.queryRaw(q("SELECT current_database()::text AS db"));
    const shadowName = res.rows[0][0] as string;
    expect(shadowName).toMatch(/^prisma_migrate_shadow_db_/);
    expect(shadowName).not.toBe(DB);
    expect(await databases()).toContain(shadowName);
    await shadow.dispose();
    expect(await databases()).not.toContain(shadowName);
  });

  it("runs a script with a $$ function body as one script, atomically", async () => {
    const adapter = await migrateAdapter(url).connect();
    await adapter.executeScript(`
      CREATE TABLE t (id int);
      CREATE FUNCTION no_delete() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'no; really'; END;
      $$ LANGUAGE plpgsql;
      CREATE TRIGGER t_no_delete BEFORE DELETE ON t FOR EACH ROW EXECUTE FUNCTION no_delete();
      INSERT INTO t VALUES (1);`);
    await expect(adapter.executeRaw(q("DELETE FROM t"))).rejects.toThrow(/no; really/);

    // A failing statement rolls the whole script back.
    await expect(adapter.executeScript("CREATE TABLE u (id int); SELECT nonsense_fn();")).rejects.toThrow();
    const res = await adapter.queryRaw(q("SELECT to_regclass('u')::text AS u"));
    expect(res.rows[0][0]).toBeNull();
    await adapter.dispose();
  });
});
