/**
 * The tables as Kysely sees them. Portable across SQLite and PostgreSQL by construction:
 * ids are text, JSON is text (parsed with zod when read), timestamps are ISO 8601 text in UTC
 * (see timestamps.ts). Column names are snake_case; repositories map rows to camelCase records.
 */
export interface ApiKeyTable {
  id: string;
  name: string;
  prefix: string;
  hash: string;
  role: string;
  app: string | null;
  team: string | null;
  /** JSON array of model names; `[]` means every model */
  models: string;
  clearance: string;
  /** JSON object or null */
  limits: string | null;
  kind: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface SettingTable {
  key: string;
  /** JSON text */
  value: string;
  updated_at: string;
}

export interface RampartDatabase {
  api_keys: ApiKeyTable;
  settings: SettingTable;
}
