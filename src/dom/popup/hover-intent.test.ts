import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from './hover-intent.ts';

let events: string[];
let intent: HoverIntent<string>;

beforeEach(() => {
  vi.useFakeTimers();
  events = [];
  intent = new HoverIntent<string>({
    openDelay: 350, closeDelay: 300, same: (a, b) => a === b,
    onOpen: (t) => events.push('open ' + t), onClose: () => events.push('close'),
  });
});
afterEach(() => vi.useRealTimers());

describe('HoverIntent', () => {
  it('opens only after the pointer rests for the delay', () => {
    intent.pointerAt('Kim');
    vi.advanceTimersByTime(300);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(events).toEqual(['open Kim']);
  });

  it('opens nothing when the pointer sweeps across several targets', () => {
    for (const t of ['a', 'b', 'c', 'd']) { intent.pointerAt(t); vi.advanceTimersByTime(100); }
    intent.pointerAt(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('stays open while the pointer moves from the target into the popup', () => {
    intent.pointerAt('Kim');
    vi.advanceTimersByTime(400);
    intent.pointerAt(null);
    vi.advanceTimersByTime(100);
    intent.popupEnter();
    vi.advanceTimersByTime(2000);
    expect(events).toEqual(['open Kim']);
    intent.popupLeave();
    vi.advanceTimersByTime(350);
    expect(events).toEqual(['open Kim', 'close']);
  });

  it('closes after the pointer leaves, and switches to a new target after its own delay', () => {
    intent.pointerAt('Kim');
    vi.advanceTimersByTime(400);
    intent.pointerAt('Trump');
    vi.advanceTimersByTime(310);
    expect(events).toEqual(['open Kim', 'close']);
    vi.advanceTimersByTime(50);
    expect(events).toEqual(['open Kim', 'close', 'open Trump']);
  });

  it('forgets everything on reset (Escape)', () => {
    intent.pointerAt('Kim');
    vi.advanceTimersByTime(200);
    intent.reset();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });
});
