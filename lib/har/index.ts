// Context: pure (panel + model), no browser APIs.
// Public surface of HAR export/import.

export type {
  Har,
  HarConnection,
  HarEntry,
  HarExportInput,
  HarHttpInfo,
  HarSseEvent,
  HarWsFrame,
  HarWebSocketMessage,
  HarEventSourceMessage,
  Header,
} from './types';
export { exportHar, type HarExportOptions } from './export';
export {
  DEFAULT_MAX_HAR_BYTES,
  DEFAULT_MAX_HAR_ENTRIES,
  checkHarEntries,
  checkHarSize,
  importHar,
  validateHarRoot,
  type HarImportError,
  type HarImportErrorCode,
  type HarImportOptions,
  type HarImportStats,
  type ImportResult,
} from './import';
export { importHarChunked, HarImportAborted, type ChunkedImportOptions } from './import-chunked';
export { REDACTED, SENSITIVE_HEADERS, SENSITIVE_PARAMS, redactHeaders, redactUrl } from './redact';
export { redactHar } from './redact-har';
