// Context: panel. Where agent records enter the panel: every record is checked against its schema
// (lib/protocol/validate-records.ts) before the Session sees it. A bad record is dropped and
// counted (session.invalidRecords, shown beside the dropped count); its sequence number is stepped
// over so the records after it still apply, and nothing else of the batch is lost.
import type { Session, IngestResult } from '../store/session';
import type { CaptureRecord } from '../protocol/records';
import { checkBatch } from '../protocol/validate-records';

export interface CheckedIngestResult extends IngestResult {
  /** Records (or a whole malformed batch, counted as one) refused by this call. */
  invalid: number;
}

export function ingestChecked(
  session: Session,
  frameId: number,
  documentId: string,
  agentId: string,
  raw: unknown,
  recording = true,
): CheckedIngestResult {
  const check = checkBatch(raw, session.agents.get(agentId)?.lastSeq ?? 0);
  if ('error' in check) return countInvalid(session, { applied: 0, invalid: 1 });
  // All sound (the usual batch): straight to the Session, without copying it record by record.
  if (check.invalid === 0) return { ...session.ingest(frameId, documentId, agentId, check.items as CaptureRecord[], recording), invalid: 0 };
  let applied = 0;
  let invalid = 0;
  let run: CaptureRecord[] = [];
  const flush = (): number | undefined => {
    // Ingest even an empty run: it creates the agent on first contact, as a plain ingest does.
    const r = session.ingest(frameId, documentId, agentId, run, recording);
    run = [];
    applied += r.applied;
    return r.resyncFrom;
  };
  for (const item of check.items) {
    if (item !== null && typeof item === 'object') {
      run.push(item);
      continue;
    }
    const resyncFrom = flush();
    if (resyncFrom !== undefined) return countInvalid(session, { resyncFrom, applied, invalid });
    if (item === null) {
      // Nowhere to place it: the gap it leaves asks the agent for a resync like any other gap.
      invalid++;
      continue;
    }
    const agent = session.agents.get(agentId)!;
    const expected = agent.lastSeq + 1;
    if (item < expected) continue; // a resync overlapping what was already stepped over: counted once
    if (item > expected) {
      // Records before it are missing: ask for them first (the bad one comes again, in order).
      if (agent.awaitingFrom === expected) break;
      agent.awaitingFrom = expected;
      return countInvalid(session, { resyncFrom: expected, applied, invalid });
    }
    agent.lastSeq = item;
    if (agent.awaitingFrom !== undefined && agent.awaitingFrom <= agent.lastSeq) agent.awaitingFrom = undefined;
    invalid++;
  }
  const resyncFrom = run.length ? flush() : undefined;
  return countInvalid(session, resyncFrom === undefined ? { applied, invalid } : { resyncFrom, applied, invalid });
}

function countInvalid(session: Session, r: CheckedIngestResult): CheckedIngestResult {
  if (r.invalid > 0) {
    session.invalidRecords += r.invalid;
    session.version++;
  }
  return r;
}
