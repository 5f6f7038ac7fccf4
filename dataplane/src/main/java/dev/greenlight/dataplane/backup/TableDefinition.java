package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the copy format carries of one table besides its rows: the columns (type from {@code
 * format_type}, collation, NOT NULL), its primary key, unique, check and exclusion constraints and
 * its other indexes (from {@code pg_get_constraintdef} / {@code pg_get_indexdef}), and its foreign
 * keys. Defaults, identity and generated columns, sequences, triggers, policies, comments and
 * grants are not carried: a restore test asks whether the data comes back, and {@code pg_dump}
 * stays the format that carries everything.
 *
 * @param schema the quoted schema name, for {@code CREATE SCHEMA IF NOT EXISTS}
 * @param table the quoted, schema-qualified name, as {@code format('%I.%I')} writes it
 * @param columns the quoted column names, comma-separated, in column order: the COPY column list
 * @param createTable {@code CREATE TABLE} with columns and NOT NULL only, so the data loads fast
 * @param afterData constraints and indexes, added once the rows are in
 * @param foreignKeys added last, once every table of the backup has its rows and keys
 */
record TableDefinition(
    String schema,
    String table,
    String columns,
    String createTable,
    List<String> afterData,
    List<String> foreignKeys) {
  TableDefinition {
    afterData = List.copyOf(afterData);
    foreignKeys = List.copyOf(foreignKeys);
  }

  /**
   * Reads {@code table}'s definition from the catalog. Run it with {@code search_path} set to
   * {@code pg_catalog} so that every name the catalog functions print comes out schema-qualified
   * and means the same thing in the scratch database.
   *
   * @param backedUp every table in the backup: a foreign key to a table outside it is left out,
   *     since the restored copy could not satisfy it
   * @throws DataPlaneException when {@code table} is not an ordinary table
   */
  static TableDefinition read(Handle h, String table, List<String> backedUp) {
    String[] kind =
        h.createQuery(
                "SELECT c.relkind::text, quote_ident(n.nspname) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.oid = CAST(:t AS regclass)")
            .bind("t", table)
            .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
            .one();
    if (!kind[0].equals("r")) {
      throw new DataPlaneException(
          "the copy format carries ordinary tables only but "
              + table
              + " has relkind '"
              + kind[0]
              + "' (partitioned tables, views and the like); back it up with the pg_dump format");
    }
    List<String[]> columns =
        h.createQuery(
                """
                SELECT quote_ident(a.attname),
                       format_type(a.atttypid, a.atttypmod)
                         || coalesce((SELECT ' COLLATE ' || quote_ident(cn.nspname) || '.'
                                             || quote_ident(co.collname)
                                      FROM pg_collation co
                                      JOIN pg_namespace cn ON cn.oid = co.collnamespace
                                      JOIN pg_type ty ON ty.oid = a.atttypid
                                      WHERE co.oid = a.attcollation
                                        AND a.attcollation <> ty.typcollation), '')
                         || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                FROM pg_attribute a
                WHERE a.attrelid = CAST(:t AS regclass) AND a.attnum > 0
                  AND NOT a.attisdropped AND a.attgenerated = ''
                ORDER BY a.attnum""")
            .bind("t", table)
            .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    List<String> names = columns.stream().map(c -> c[0]).toList();
    String create =
        "CREATE TABLE "
            + table
            + " ("
            + String.join(", ", columns.stream().map(c -> c[0] + " " + c[1]).toList())
            + ")";
    List<String> afterData = new ArrayList<>();
    List<String> foreignKeys = new ArrayList<>();
    h.createQuery(
            """
            SELECT quote_ident(conname), contype::text, pg_get_constraintdef(oid),
                   CASE WHEN contype = 'f' THEN (SELECT format('%I.%I', n.nspname, c.relname)
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.oid = confrelid) END
            FROM pg_constraint
            WHERE conrelid = CAST(:t AS regclass) AND contype IN ('p', 'u', 'c', 'x', 'f')
            ORDER BY contype, conname""")
        .bind("t", table)
        .map(
            (rs, ctx) ->
                new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
        .forEach(
            c -> {
              String add = "ALTER TABLE " + table + " ADD CONSTRAINT " + c[0] + " " + c[2];
              if (!c[1].equals("f")) {
                afterData.add(add);
              } else if (backedUp.contains(c[3])) {
                foreignKeys.add(add);
              }
            });
    afterData.addAll(
        h.createQuery(
                """
                SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                WHERE i.indrelid = CAST(:t AS regclass)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                                  WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                                    AND c.contype IN ('p', 'u', 'x'))
                ORDER BY i.indexrelid""")
            .bind("t", table)
            .mapTo(String.class)
            .list());
    return new TableDefinition(
        kind[1], table, String.join(", ", names), create, afterData, foreignKeys);
  }
}
