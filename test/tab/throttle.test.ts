/**
 * Keystrokes in the search box: the first runs at once, a burst collapses
 * into one trailing run with the latest text.
 */
import { createKeystrokeThrottle } from '../../tab/src/state/throttle';

describe('the keystroke throttle', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the first keystroke at once and the last of a burst after the window', () => {
    const runs: string[] = [];
    const t = createKeystrokeThrottle(150);
    t.schedule(() => runs.push('a'));
    t.schedule(() => runs.push('ac'));
    t.schedule(() => runs.push('acc'));
    expect(runs).toEqual(['a']);
    jest.advanceTimersByTime(150);
    expect(runs).toEqual(['a', 'acc']);
    jest.advanceTimersByTime(1000);
    expect(runs).toEqual(['a', 'acc']);
    t.schedule(() => runs.push('access'));
    expect(runs).toEqual(['a', 'acc', 'access']);
  });

  it('drops a pending run when cancelled (an IME composition started)', () => {
    const runs: string[] = [];
    const t = createKeystrokeThrottle(150);
    t.schedule(() => runs.push('a'));
    t.schedule(() => runs.push('あ'));
    t.cancel();
    jest.advanceTimersByTime(500);
    expect(runs).toEqual(['a']);
  });
});
