// Context: pure model, no browser APIs.
// The two handler-time thresholds, apart from the statistics (handler-cost.ts) so the frame table
// and the timeline, in the panel's first chunk, do not pull those in (they load with Insights).

/** One frame at 60 Hz: a listener running longer keeps the page from painting in time. */
export const FRAME_BUDGET_MS = 1000 / 60;
/** A task this long is a "long task" to the browser (and a marker on the timeline). */
export const LONG_TASK_MS = 50;
