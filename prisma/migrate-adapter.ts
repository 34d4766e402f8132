// Driver adapter used ONLY by the Prisma CLI (prisma.config.ts, `engine: "js"`), so
// that `prisma migrate deploy|dev|status` run through the WASM schema engine and
// no native engine has to be downloaded. The app itself uses a plain `PrismaPg`
// (lib/db.ts). It works around four problems of @prisma/adapter-pg 6.19.x:
//  1. prisma/orm#27403: the schema engine's catalog queries return Postgres `name`
//     (OID 19) and `"char"` (OID 18) columns, which adapter-pg cannot map
//     ("Column type 'name' could not be deserialized") -> reported as text.
//  2. connectToShadowDb() spreads a config holding `connectionString`, which pg
//     lets override `database`: the "shadow" database was the main one
//     -> we pass the connection fields separately.
//  3. its dispose drops the shadow database before closing the shadow pool
//     ("database is being accessed by other users") -> close the pool first.
//  4. executeScript() splits a migration on every `;`, which breaks `$$ … $$`
//     function bodies (our append-only audit trigger) -> the whole script goes to
//     PostgreSQL as one simple-protocol query, which also runs it atomically.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { parseIntoClientConfig } from "pg-connection-string";

const TEXT = 25;
const TEXT_ARRAY = 1009;
/** OIDs the schema engine receives that adapter-pg cannot deserialize. */
export const REMAPPED_OIDS: Readonly<Record<number, number>> = {
  18: TEXT, // "char"
  19: TEXT, // name
  1002: TEXT_ARRAY, // "char"[]
  1003: TEXT_ARRAY, // name[]
};

type Field = { name: string; dataTypeID: number };
type Result = { fields?: Field[]; rows: Array<Record<string, unknown> | unknown[]> };

const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY as Parameters<typeof pg.types.getTypeParser>[0], "text") as (
  value: string,
) => unknown;

export function remapSystemTypes<T>(res: T): T {
  for (const r of (Array.isArray(res) ? res : [res]) as Result[]) {
    if (!r?.fields) continue;
    r.fields.forEach((field, i) => {
      const to = REMAPPED_OIDS[field.dataTypeID];
      if (to === undefined) return;
      field.dataTypeID = to;
      if (to !== TEXT_ARRAY) return;
      for (const row of r.rows) {
        const cells = row as Record<string | number, unknown>;
        const key = Array.isArray(row) ? i : field.name;
        if (typeof cells[key] === "string") cells[key] = parseTextArray(cells[key] as string);
      }
    });
  }
  return res;
}

type QueryFn = (...args: unknown[]) => unknown;

class PatchedClient extends pg.Client {
  // @ts-expect-error -- pg's query() is heavily overloaded; we forward every form.
  override query(...args: unknown[]): unknown {
    const original = super.query as unknown as QueryFn;
    const cbIdx = args.findIndex((a) => typeof a === "function");
    if (cbIdx >= 0) {
      const cb = args[cbIdx] as (err: unknown, res: unknown) => void;
      args[cbIdx] = (err: unknown, res: unknown) => cb(err, err ? res : remapSystemTypes(res));
      return original.apply(this, args);
    }
    const ret = original.apply(this, args) as Promise<unknown> | undefined;
    return ret && typeof ret.then === "function" ? ret.then(remapSystemTypes) : ret;
  }
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/** Replace adapter-pg's split-on-`;` executeScript with one simple-protocol query. */
function wholeScript(adapter: Adapter): Adapter {
  const pool = adapter.underlyingDriver() as pg.Pool;
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

class PrismaPgMigrate extends PrismaPg {
  constructor(private readonly cfg: pg.PoolConfig) {
    super(cfg);
  }

  override async connect() {
    return wholeScript(await super.connect());
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = wholeScript(await new PrismaPg({ ...this.cfg, database }).connect());
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow(); // ends the shadow pool first
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

export function migrateAdapter(connectionString: string) {
  const fields = parseIntoClientConfig(connectionString);
  return new PrismaPgMigrate({ ...fields, Client: PatchedClient, allowExitOnIdle: true } as pg.PoolConfig);
}
