/** One checked-in migration (prisma/migrations/<provider>/<name>/migration.sql). */
export interface EmbeddedMigration {
  name: string;
  sql: string;
  /** sha256 hex of the SQL text, recorded when applied; a changed file is reported. */
  checksum: string;
}

export interface EmbeddedMigrations {
  sqlite: EmbeddedMigration[];
  postgresql: EmbeddedMigration[];
}
