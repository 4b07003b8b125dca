// Context: panel. Text with the filter's matches marked (as text nodes and <mark>, never HTML).
import type { FilterNode } from '../../lib/model/filter-query';
import { highlightRanges } from '../../lib/model/filter-query';

export function Highlighted({ text, ast }: { text: string; ast: FilterNode | null }) {
  if (!ast) return <>{text}</>;
  const ranges = highlightRanges(ast, text);
  if (ranges.length === 0) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
