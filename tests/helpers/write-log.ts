// "Nothing was written": a row-level trigger on every table of the test database logs each INSERT, UPDATE
// and DELETE (and a statement-level one each TRUNCATE) into a side table, so a test can ask exactly which
// rows a call wrote — including writes that change no timestamp and writes made by database triggers.
//
//   import { installWriteLog } from "@/tests/helpers/write-log";
//   const t = useTestDatabase();
//   let log: WriteLog;
//   beforeAll(async () => { log = await installWriteLog(t.sql); });   // after the schema exists
//
//   const mark = await log.mark();
//   await callSomething();
//   expect(await log.since(mark)).toEqual([]);          // [{ table, op, id, row }] written since the mark
//
// Install it after seeding what the test needs, or take a mark after seeding: rows written before the
// mark are not reported. Each file has its own database (tests/helpers/db.ts), so the triggers never reach
// another file's tests. Works on PostgreSQL and PGlite (plpgsql).
import type { SqlRunner } from "@/lib/db/sql-runner";

export interface WrittenRow {
  table: string;
  op: "INSERT" | "UPDATE" | "DELETE" | "TRUNCATE";
  /** The row's `id` column (text), when it has one. */
  id: string | null;
  /** The row after the write (before it, for DELETE), as JSON, without bytea `content` columns. */
  row: Record<string, unknown> | null;
}

export interface WriteLog {
  /** A position in the log: pass it to since(). */
  mark(): Promise<number>;
  /** Every row written after the mark, in order. */
  since(mark: number): Promise<WrittenRow[]>;
  /** The tables that carry the trigger (every table of the public schema but the log itself). */
  tables: string[];
}

const LOG_TABLE = "_test_write_log";

export async function installWriteLog(sql: SqlRunner): Promise<WriteLog> {
  await sql.exec(`
    CREATE TABLE IF NOT EXISTS "${LOG_TABLE}" (seq bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, row_id text, row_data jsonb);
    CREATE OR REPLACE FUNCTION _test_write_log_row() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE r jsonb;
    BEGIN
      IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
      r := r - 'content';
      INSERT INTO "${LOG_TABLE}" (tbl, op, row_id, row_data) VALUES (TG_TABLE_NAME, TG_OP, r->>'id', r);
      RETURN NULL;
    END $$;
    CREATE OR REPLACE FUNCTION _test_write_log_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO "${LOG_TABLE}" (tbl, op) VALUES (TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$;
  `);
  const rows = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1 AND NOT c.relispartition ORDER BY 1`,
    [LOG_TABLE],
  );
  const tables = rows.map((r) => r.name);
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  await sql.exec(
    tables
      .map(
        (name) =>
          `DROP TRIGGER IF EXISTS _test_write_log_row ON ${q(name)};
           CREATE TRIGGER _test_write_log_row AFTER INSERT OR UPDATE OR DELETE ON ${q(name)} FOR EACH ROW EXECUTE FUNCTION _test_write_log_row();
           DROP TRIGGER IF EXISTS _test_write_log_truncate ON ${q(name)};
           CREATE TRIGGER _test_write_log_truncate AFTER TRUNCATE ON ${q(name)} FOR EACH STATEMENT EXECUTE FUNCTION _test_write_log_truncate();`,
      )
      .join("\n"),
  );
  return {
    tables,
    async mark() {
      const [r] = await sql.query<{ seq: string | number | null }>(`SELECT max(seq) AS seq FROM "${LOG_TABLE}"`);
      return Number(r?.seq ?? 0);
    },
    async since(mark) {
      const out = await sql.query<{
        tbl: string;
        op: WrittenRow["op"];
        row_id: string | null;
        row_data: Record<string, unknown> | string | null;
      }>(`SELECT tbl, op, row_id, row_data FROM "${LOG_TABLE}" WHERE seq > $1 ORDER BY seq`, [mark]);
      return out.map((r) => ({
        table: r.tbl,
        op: r.op,
        id: r.row_id,
        row: typeof r.row_data === "string" ? (JSON.parse(r.row_data) as Record<string, unknown>) : r.row_data,
      }));
    },
  };
}
