// Context: pure (panel + model), no browser APIs.
// The one shape every explain* function returns, so the panel has a single tooltip component.

/** Plain text only: the panel renders it as text, paragraphs split on blank lines. */
export interface Explanation {
  title: string;
  body: string;
}
