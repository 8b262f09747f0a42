// Compile-time proof that a zod schema and the core's plain type describe one shape: the schemas validate
// what the zod-free core declares, so neither can drift from the other without `tsc` failing.

/** true when A and B are assignable to each other. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile unless given `true`. */
export type Expect<T extends true> = T;
