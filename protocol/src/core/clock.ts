// The device's estimate of the server clock from a `time.v1` answer (NTP-style midpoint of the round trip).
// Pure: every instant is a parameter.

/**
 * The local instant a server reading corresponds to: the midpoint of the round trip when the answer echoes
 * the `deviceClock` we sent, else the instant we received it (the `time.v1` sent on connect has no echo).
 */
export function serverReadingAt(sentAtDevice: number | undefined, receivedAtDevice: number): number {
  return sentAtDevice !== undefined ? (sentAtDevice + receivedAtDevice) / 2 : receivedAtDevice;
}

/** Estimated server clock minus device clock, from a time.v1 answer to our hello (NTP-style midpoint). */
export function clockOffsetMs(sentAtDevice: number, serverTime: number, receivedAtDevice: number): number {
  return Math.round(serverTime - serverReadingAt(sentAtDevice, receivedAtDevice));
}
