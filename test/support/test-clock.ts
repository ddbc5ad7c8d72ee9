import type { Clock } from '../../src/clock.js';

/** A clock tests can set and move. */
export class TestClock implements Clock {
  private current: number;
  constructor(start: string | Date = '2026-11-21T10:00:00Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: string | Date): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
