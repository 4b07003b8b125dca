// Context: panel. Re-renders a component when the session changed, at most ~10 times a second:
// ingest can run at tens of thousands of records per second, React must not follow each one.
import { useEffect, useState } from 'react';
import { session } from '../../lib/panel/panel-runtime';

const REFRESH_MS = 100;

export function useSessionVersion(): number {
  const [version, setVersion] = useState(session.version);
  useEffect(() => {
    const id = setInterval(() => {
      if (session.version !== version) setVersion(session.version);
    }, REFRESH_MS);
    return () => clearInterval(id);
  }, [version]);
  return version;
}
