/** The import settings use cases need (from IMPORT_STALE_AFTER_MS). */
export interface ImportSettings {
  /** A running import whose heartbeat is older than this is shown as failed: its worker died. */
  staleAfterMs: number;
}

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = { staleAfterMs: 60_000 };
