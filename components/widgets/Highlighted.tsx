// Context: panel. Text with the filter's matches marked (as text nodes and <mark>, never HTML),
// hidden characters shown as escapes (VisibleText).
import type { FilterNode } from '../../lib/model/filter-query';
import { highlightRanges } from '../../lib/model/filter-query';
import { VisibleText } from './VisibleText';

export function Highlighted({ text, ast }: { text: string; ast: FilterNode | null }) {
  if (!ast) return <VisibleText text={text} />;
  const ranges = highlightRanges(ast, text);
  if (ranges.length === 0) return <VisibleText text={text} />;
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    if (start > at) parts.push(<VisibleText key={`t${at}`} text={text.slice(at, start)} />);
    parts.push(
      <mark key={start}>
        <VisibleText text={text.slice(start, end)} />
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(<VisibleText key={`t${at}`} text={text.slice(at)} />);
  return <>{parts}</>;
}
