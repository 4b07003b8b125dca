// Context: pure (panel + model), no browser APIs.
// Shapes shared by the HTTP status data files, kept apart so the data files import no logic.

import type { Localized } from '../i18n/locale';

export type HttpStatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

/**
 * How IANA lists the code. "unused" and "obsolete" still matter: servers send 418 and 306
 * in the wild, and a tooltip should say they carry no standard meaning.
 */
export type HttpRegistryStatus = 'permanent' | 'temporary' | 'unused' | 'obsolete';

/** Where a status was seen; the same code means different things to an EventSource and a poll. */
export type HttpStatusContext = 'ws-handshake' | 'eventsource' | 'poll' | 'fetch';

export interface HttpStatusEntry {
  code: number;
  statusClass: HttpStatusClass;
  /** Reason phrase as IANA lists it (without the registry annotations). */
  reason: string;
  /** A name people still use for codes IANA lists as "(Unused)". */
  alias?: string;
  registry: HttpRegistryStatus;
  /** Defining document, e.g. "RFC 9110". */
  ref: string;
  summary: Localized;
  /** Why a realtime developer should care, where the code matters for push traffic. */
  realtime?: Localized;
  /** Sharper notes for one context; falls back to generic per-class notes when absent. */
  contexts?: Partial<Record<HttpStatusContext, Localized>>;
}

/** Data files list codes without repeating the class; defineClass stamps it on. */
export type HttpStatusSeed = Omit<HttpStatusEntry, 'statusClass'>;

export function defineClass(statusClass: HttpStatusClass, seeds: readonly HttpStatusSeed[]): readonly HttpStatusEntry[] {
  return seeds.map((seed) => ({ ...seed, statusClass }));
}
