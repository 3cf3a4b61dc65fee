/**
 * Coalesces keystrokes: the first after a pause runs at once (the list
 * answers the first letter without delay), later ones within `ms` collapse
 * into one trailing run with the latest value. Limits /api/search to one
 * request per window while someone types.
 */
export interface KeystrokeThrottle {
  schedule(run: () => void): void;
  cancel(): void;
}

export function createKeystrokeThrottle(ms: number, timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis): KeystrokeThrottle {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: (() => void) | undefined;
  const openWindow = () => {
    timer = timers.setTimeout(() => {
      timer = undefined;
      const next = pending;
      pending = undefined;
      if (next) {
        next();
        openWindow();
      }
    }, ms);
  };
  return {
    schedule(run) {
      if (timer === undefined) {
        run();
        openWindow();
      } else {
        pending = run;
      }
    },
    cancel() {
      pending = undefined;
    },
  };
}
