import { type RefObject, useEffect, useState } from 'react';

/**
 * True once `element` comes within `margin` of the screen (and from then on). Charts and the map
 * fetch their code and data only then: on the ranking they sit under the table, so the first view
 * leaves them out (issue 4: at most 300 KB of JavaScript).
 */
export function useNearScreen(element: RefObject<HTMLElement | null>, margin = '200px'): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const watcher = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          watcher.disconnect();
        }
      },
      { rootMargin: margin },
    );
    watcher.observe(target);
    return () => watcher.disconnect();
  }, [element, margin]);
  return near;
}
