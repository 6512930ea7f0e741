import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { rowsOf } from '@/db/rows';

export type TableColumn = { name: string; generated: boolean; identity: boolean; nullable: boolean };
export type ForeignKey = { columns: string[]; table: string };
export type TableInfo = { name: string; columns: TableColumn[]; primaryKey: string[]; foreignKeys: ForeignKey[] };

/**
 * Tables a freshly migrated database already fills (migration 0001 writes one row per
 * story state): they do not make a database "not empty". A backup still carries them.
 */
export const DERIVED_TABLES: readonly string[] = ['story_state_counts'];

/** A quoted SQL identifier (names come from the catalog, but are quoted all the same). */
export function identifier(name: string): SQL {
  return sql.raw(`"${name.replace(/"/g, '""')}"`);
}

/** A comma-separated list of quoted identifiers. */
export function identifierList(names: string[]): SQL {
  return sql.raw(names.map((name) => `"${name.replace(/"/g, '""')}"`).join(', '));
}

/**
 * Every table in the application's schema, read from the catalog (not from schema.ts):
 * a backup takes what the database has, so a table added by a later migration is never
 * silently left out. Sorted by name.
 */
export async function readTables(db: Database | Transaction): Promise<TableInfo[]> {
  const columns = rowsOf<{ table: string; column: string; generated: boolean; identity: boolean; nullable: boolean }>(
    await db.execute(sql`
      select c.relname as "table", a.attname as "column", a.attgenerated <> '' as generated,
             a.attidentity <> '' as identity, not a.attnotnull as nullable
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`),
  );
  const constraints = rowsOf<{ table: string; kind: string; columns: string[] | string; references: string | null }>(
    await db.execute(sql`
      select c.relname as "table", con.contype::text as kind, rc.relname as "references",
             array(
               select a.attname::text from unnest(con.conkey) with ordinality as k(attnum, ord)
               join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
               order by k.ord
             )::text[] as columns
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_class rc on rc.oid = con.confrelid
      where n.nspname = 'public' and con.contype in ('p', 'f')
      order by c.relname, con.conname`),
  );
  const tables = new Map<string, TableInfo>();
  for (const row of columns) {
    let table = tables.get(row.table);
    if (!table) tables.set(row.table, (table = { name: row.table, columns: [], primaryKey: [], foreignKeys: [] }));
    table.columns.push({ name: row.column, generated: row.generated, identity: row.identity, nullable: row.nullable });
  }
  for (const row of constraints) {
    const table = tables.get(row.table);
    if (!table) continue;
    const names = parseTextArray(row.columns);
    if (row.kind === 'p') table.primaryKey = names;
    else if (row.references) table.foreignKeys.push({ columns: names, table: row.references });
  }
  return [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

// postgres.js and PGlite both parse text[], but be safe with the literal form too.
function parseTextArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean)
    .map((name) => name.replace(/^"|"$/g, ''));
}

/** The columns a backup carries: all but generated ones (the database computes those). */
export function storedColumns(table: TableInfo): string[] {
  return table.columns.filter((column) => !column.generated).map((column) => column.name);
}

export type RestorePlan = {
  /** Tables in an order where every foreign key points to a table before it… */
  order: TableInfo[];
  /** …except these columns (per table), inserted empty and filled in once every row is in. */
  deferred: Map<string, string[]>;
};

/**
 * Orders tables so rows can be inserted with every foreign key checked as it goes.
 * References to the same table, and one side of each cycle (stories ↔ story_revisions),
 * are deferred: inserted as null, then set once all rows exist. Only nullable columns
 * can be deferred; a cycle through required columns alone cannot be restored.
 */
export function planRestore(tables: TableInfo[]): RestorePlan {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const placed = new Set<string>();
  const order: TableInfo[] = [];
  const deferred = new Map<string, string[]>();
  const defer = (table: TableInfo, columns: string[]) => {
    const nullable = new Set(table.columns.filter((c) => c.nullable).map((c) => c.name));
    const required = columns.filter((column) => !nullable.has(column));
    if (required.length > 0) {
      throw new Error(
        `Cannot order ${table.name} for a restore: ${required.join(', ')} must refer to rows not yet in.`,
      );
    }
    deferred.set(table.name, [...new Set([...(deferred.get(table.name) ?? []), ...columns])]);
  };
  // References to the table itself always wait: rows need not come in dependency order.
  for (const table of tables) {
    const self = table.foreignKeys.filter((fk) => fk.table === table.name).flatMap((fk) => fk.columns);
    if (self.length > 0) defer(table, self);
  }
  const waitingOn = (table: TableInfo) =>
    table.foreignKeys.filter(
      (fk) =>
        fk.table !== table.name &&
        byName.has(fk.table) &&
        !placed.has(fk.table) &&
        !fk.columns.every((column) => deferred.get(table.name)?.includes(column)),
    );
  // Tables reachable from `start` by following references that still wait.
  const reachable = (start: TableInfo): Set<string> => {
    const seen = new Set<string>();
    const stack = waitingOn(start).map((fk) => fk.table);
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...waitingOn(byName.get(name)!).map((fk) => fk.table));
    }
    return seen;
  };
  while (order.length < tables.length) {
    const remaining = tables.filter((table) => !placed.has(table.name));
    const next = remaining.find((table) => waitingOn(table).length === 0);
    if (next) {
      placed.add(next.name);
      order.push(next);
      continue;
    }
    // Stuck on a cycle: defer, in its first table, the references that lead back to it
    // (stories.live_revision_id, for stories ↔ story_revisions), then carry on.
    const inCycle = remaining.find((table) => reachable(table).has(table.name));
    if (!inCycle) throw new Error(`Cannot order tables for a restore: ${remaining.map((t) => t.name).join(', ')}`);
    const back = waitingOn(inCycle).filter((fk) => reachable(byName.get(fk.table)!).has(inCycle.name));
    defer(
      inCycle,
      back.flatMap((fk) => fk.columns),
    );
  }
  return { order, deferred };
}
