// Context: pure (panel + model), no browser APIs.
// Public surface of the knowledge base; other modules import from here, not from the data files.

export type { Explanation } from './explanation';

export type { HttpRegistryStatus, HttpStatusClass, HttpStatusContext, HttpStatusEntry } from './http-status-types';
export { httpStatusClasses, statusClassOf, type HttpStatusClassInfo } from './http-status-classes';
export {
  explainHttpStatus,
  httpStatusEntries,
  httpStatusInfo,
  isRegisteredHttpStatus,
  type HttpStatusInfo,
  type HttpStatusKind,
} from './http-status';

export { closeCodeEntries, type CloseCodeEntry, type ReconnectAdvice } from './close-code-data';
export {
  canSendFromScript,
  closeCodeInfo,
  closeCodeRange,
  closeCodeRanges,
  explainCloseCode,
  reconnectAdviceLabels,
  type CloseCodeInfo,
  type CloseCodeRange,
  type CloseCodeRangeKind,
} from './close-codes';

export { sseRule, sseRules, type SseRule, type SseRuleId } from './sse-rules';

export {
  TECHNIQUE_IDS,
  techniqueCard,
  techniqueCards,
  techniqueComparison,
  type ComparisonAxis,
  type ComparisonAxisId,
  type TechniqueCard,
  type TechniqueId,
} from './techniques';

export {
  SAMPLE_WEBSOCKET_ACCEPT,
  SAMPLE_WEBSOCKET_KEY,
  WEBSOCKET_ACCEPT_GUID,
  handshake,
  handshakePairs,
  handshakes,
  type Handshake,
  type HandshakeId,
  type HandshakeStep,
  type Party,
} from './handshakes';

export {
  isTimingRestricted,
  phasesFromResourceTiming,
  phasesFromHarTimings,
  type HarTimingsLike,
  requestPhaseInfo,
  totalDurationMs,
  type PhaseDuration,
  type RequestPhase,
  type ResourceTimingLike,
} from './request-phases';
