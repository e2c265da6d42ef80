/** The current time; tests substitute a clock they move by hand. */
export interface Clock {
  now(): Date;
}
