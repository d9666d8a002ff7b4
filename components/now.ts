import { useEffect, useState } from 'react';
import { now as clockNow } from '@/utils/clock';

/** The reminder clock, re-read every half minute. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => void clockNow().then(setNow);
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
