// What each staff role may do, so screens hide what a role may not do: the same table (PERMISSIONS of
// @bantin/protocol/core) that the server checks on every request; this side only decides what to show.
// A viewer sees everything and changes nothing.
export { PERMISSIONS, can, canDecide, isReviewer, type Permission } from '@bantin/protocol/core';
