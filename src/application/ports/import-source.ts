/** How far the reading of an import's upload has come; the import adapter counts the bytes. */
export interface UploadMeter {
  bytesRead(): number;
  /** The upload's size when known before it is read (Content-Length, a file's size), else null. */
  readonly bytesTotal: number | null;
}
