import { useEffect, useState } from 'react';

/** "retry in 4 s": browser time, since retryAt is scheduled on the browser's clock. */
export function RetryCountdown({ retryAt }: { readonly retryAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((retryAt - now) / 1000));
  return (
    <span className="feed-status__retry num" aria-hidden="true">
      retry in {seconds} s
    </span>
  );
}
